// massho methods [--json]: the method catalog (erase/), as data.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "../command_line.h"
#include "../commands.h"
#include "../json_output.h"
#include "massho/erase/method.h"

namespace massho::cli {
namespace {

constexpr erase::MediaType kMediaTypes[] = {
    erase::MediaType::Hdd,      erase::MediaType::Ssd,        erase::MediaType::Nvme,
    erase::MediaType::UsbFlash, erase::MediaType::MemoryCard, erase::MediaType::Virtual,
};

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonObject toJson(const erase::Method& m) {
    QJsonArray passes;
    for (const auto& p : m.passes) passes.append(qs(p.describe()));
    QJsonObject levels;
    for (auto t : kMediaTypes)
        levels.insert(qs(erase::toString(t)), qs(erase::toString(m.nistLevel(t))));
    return QJsonObject{
        {"id", qs(m.id)},
        {"name", qs(m.name)},
        {"description", qs(m.description)},
        {"kind", m.hardware ? "hardware" : "overwrite"},
        {"runnable", true},  // drive commands: where the drive supports them (devices --json)
        {"passes", passes},
        {"verification", qs(erase::toString(m.defaultVerify))},
        {"nist_level", levels},
    };
}

}  // namespace

int runMethods(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print the catalog as a JSON array.");
    cl.parse(0, 0);

    if (cl.isSet("json")) {
        QJsonArray all;
        for (const auto& m : erase::catalog()) all.append(toJson(m));
        printJsonIndented(all);
        return 0;
    }
    std::printf("%-26s %6s  %-7s %-6s %-6s %-6s %-9s  %s\n", "ID", "PASSES", "VERIFY", "HDD", "SSD",
                "NVME", "USB-FLASH", "NAME");
    for (const auto& m : erase::catalog()) {
        std::string passes = m.hardware ? "hw" : std::to_string(m.passes.size());
        std::printf("%-26s %6s  %-7s %-6s %-6s %-6s %-9s  %s%s\n", m.id.c_str(), passes.c_str(),
                    std::string(erase::toString(m.defaultVerify)).c_str(),
                    std::string(erase::toString(m.nistLevel(erase::MediaType::Hdd))).c_str(),
                    std::string(erase::toString(m.nistLevel(erase::MediaType::Ssd))).c_str(),
                    std::string(erase::toString(m.nistLevel(erase::MediaType::Nvme))).c_str(),
                    std::string(erase::toString(m.nistLevel(erase::MediaType::UsbFlash))).c_str(),
                    m.name.c_str(), m.hardware ? " (drive command)" : "");
    }
    return 0;
}

}  // namespace massho::cli
