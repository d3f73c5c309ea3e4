// massho devices [--json]: every block device and the guard's verdict (appliance/devices).
#include "massho/appliance/devices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <filesystem>
#include <map>

#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "massho/appliance/device_json.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/config.h"

namespace massho::cli {
namespace {

// The media ledger's rows for the attached devices, by serial, so that the operator sees which
// medium is which before choosing one. Empty when there is no register yet.
std::map<std::string, records::Medium> ledgerRows(const Invocation& inv,
                                                  const std::vector<appliance::BlockDevice>& all) {
    std::map<std::string, records::Medium> rows;
    if (!std::filesystem::exists(inv.dataDir / "massho.db")) return rows;
    records::Store store = openStore(inv);
    records::MediaLedger ledger(store.database(), store.signedRegister());
    for (const auto& d : all)
        if (auto m = ledger.findOpenBySerial(d.serial)) rows.emplace(d.serial, *m);
    return rows;
}

std::string withLedger(const std::string& json,
                       const std::map<std::string, records::Medium>& rows) {
    QJsonArray devices = QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
    for (auto&& value : devices) {
        QJsonObject d = value.toObject();
        auto it = rows.find(d["serial"].toString().toStdString());
        if (it != rows.end()) {
            d["asset"] = QString::fromStdString(it->second.tag);
            d["ledger_state"] = QString::fromStdString(std::string(toString(it->second.state)));
            d["ledger_class"] = it->second.infoClass;
            d["my_number"] = it->second.myNumber;
        }
        value = d;
    }
    return QJsonDocument(devices).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

int runDevices(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print a JSON array (its keys: see massho(1)).");
    cl.parse(0, 0);

    appliance::GuardOptions guard;
    guard.protectedPaths.push_back(inv.dataDir);
    guard.probeCapabilities = records::Config::loadFromDir(inv.dataDir).probeDrives;
    const auto devices = appliance::discoverDevices(guard);
    const auto ledger = ledgerRows(inv, devices);

    if (cl.isSet("json")) {
        std::fputs((withLedger(appliance::toJson(devices), ledger) + "\n").c_str(), stdout);
        return 0;
    }
    std::printf("%-14s %10s %-8s %-10s %-24s %-20s %-12s %s\n", "DEVICE", "SIZE", "TRANSP", "MEDIA",
                "MODEL", "SERIAL", "ASSET", "ERASABLE");
    for (const auto& d : devices) {
        char size[32];
        std::snprintf(size, sizeof size, "%.1f GiB", static_cast<double>(d.sizeBytes) / (1u << 30));
        auto row = ledger.find(d.serial);
        std::printf("%-14s %10s %-8s %-10s %-24.24s %-20.20s %-12.12s %s\n", d.path.c_str(), size,
                    d.transport.c_str(), d.mediaType.c_str(), d.model.c_str(), d.serial.c_str(),
                    row == ledger.end() ? "-" : row->second.tag.c_str(),
                    d.eligible ? "yes" : ("no: " + d.reason).c_str());
    }
    return 0;
}

}  // namespace massho::cli
