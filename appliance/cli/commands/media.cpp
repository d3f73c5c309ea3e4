// massho media add|show|list|move|update|check — the media ledger (媒体管理台帳, Art. 8).
// The acts that close a medium (destroy, dispose, return-to-lessor) are in media_close.cpp.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../erase_fields.h"
#include "../json_output.h"
#include "../session.h"
#include "massho/operations/add_medium_operation.h"
#include "massho/operations/medium_from_device.h"
#include "massho/operations/move_medium_operation.h"
#include "massho/operations/update_medium_operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/ledger/media_list_text.h"
#include "massho/records/register/text_field.h"
#include "media_json.h"

namespace massho::cli {
namespace {

// People who keep the ledger: the data manager keeps media records (Art. 13(10)), records
// officers and operators handle the media.
const std::initializer_list<records::Role> kLedgerKeepers = {
    records::Role::DataManager, records::Role::RecordsOfficer, records::Role::Operator};

// Human output shows recorded text with control characters escaped (item 7): older registers
// may hold escape codes. JSON output keeps the exact text.
std::string shown(const std::string& text) {
    return records::escapedForDisplay(text);
}

// A ledger act: checked, then run; its register entry.
uint64_t runOperation(operations::Operation&& operation) {
    operation.check();
    operations::ProgressSink progress;
    return operation.run(progress, operations::CancelToken()).registerIndex.value_or(0);
}

void printMedium(const records::Medium& m) {
    std::string line;
    records::appendMediumLine(line, records::listedLine(m));
    std::fputs(line.c_str(), stdout);
}

}  // namespace

int runMediaAdd(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag (opaque: never the class in words).");
    cl.addOption("class", "N", "Information class of its data, 1-4 (Art. 7).");
    cl.addFlag("my-number", "It holds individual numbers (My Number): destroyed at the end.");
    cl.addOption("device", "DEV", "Read manufacturer, model, serial and type from this device.");
    cl.addOption("serial", "S", "Serial number (without --device).");
    cl.addOption("model", "M", "Model (without --device).");
    cl.addOption("manufacturer", "M", "Manufacturer (without --device).");
    cl.addOption("type", "T", "Media type: hdd, ssd, nvme, usb-flash, memory-card, optical, …");
    cl.addOption("section", "S", "Owning section.");
    cl.addOption("data-manager", "ID", "The data manager responsible for it.");
    cl.addOption("location", "L", "Where it is kept.");
    cl.addOption("lessor", "NAME", "Leased: the leasing company.");
    cl.addOption("lease-contract", "NO", "Leased: the contract number.");
    cl.addOption("lease-return", "DATE", "Leased: when it goes back, YYYY-MM-DD.");
    cl.addOption("notes", "TEXT", "Anything else worth recording.");
    addSessionOptions(cl);
    cl.parse(1, 1);

    records::NewMedium m;
    m.tag = cl.positional()[0];
    m.infoClass = classOrThrow(cl.required("class"));
    m.myNumber = cl.isSet("my-number");
    if (cl.value("device")) {
        if (cl.value("serial") || cl.value("model") || cl.value("type"))
            throw badInput("give either --device DEV or --serial/--model/--type, not both");
        operations::fillFromDevice(m, *cl.value("device"));
    } else {
        m.serial = cl.required("serial");
        m.model = cl.required("model");
        m.mediaType = cl.required("type");
        m.manufacturer = cl.value("manufacturer").value_or("");
    }
    m.section = cl.value("section").value_or("");
    m.location = cl.value("location").value_or("");
    m.lessor = cl.value("lessor").value_or("");
    m.leaseContract = cl.value("lease-contract").value_or("");
    m.leaseReturn = cl.value("lease-return").value_or("");
    m.notes = cl.value("notes").value_or("");

    Session session = Session::open(inv, cl, kLedgerKeepers);
    const uint64_t index = runOperation(operations::AddMediumOperation(
        session.store(), session.user(), {m, cl.value("data-manager")}));
    std::printf("%llu\n", static_cast<unsigned long long>(index));
    std::fprintf(stderr, "registered %s (class %d%s, serial %s) as register entry %llu\n",
                 m.tag.c_str(), m.infoClass, m.myNumber ? ", My Number" : "",
                 m.serial.empty() ? "-" : m.serial.c_str(), static_cast<unsigned long long>(index));
    return 0;
}

int runMediaShow(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag.");
    cl.addFlag("json", "Print JSON on stdout.");
    cl.parse(1, 1);
    records::Store store = openStore(inv);
    records::MediaLedger ledger(store.database(), store.signedRegister());
    const std::string tag = cl.positional()[0];
    auto m = ledger.find(tag);
    if (!m)
        throw badInput("no medium '" + tag.substr(0, 40) + "' in the ledger: massho media list");
    const auto history = ledger.history(tag);
    if (cl.isSet("json")) {
        printJson(mediumJson(*m, &history));
        return 0;
    }
    printMedium(*m);
    if (m->leased())
        std::printf("leased from %s, contract %s, return by %s\n", shown(m->lessor).c_str(),
                    shown(m->leaseContract).c_str(), shown(m->leaseReturn).c_str());
    for (const auto& e : history)
        std::printf("  %8llu  %s  %-26s %-18s %-10s %s\n", static_cast<unsigned long long>(e.index),
                    shown(e.time).c_str(), shown(e.kind).c_str(),
                    std::string(records::toString(e.state)).c_str(), shown(e.by).c_str(),
                    shown(e.summary).c_str());
    return 0;
}

int runMediaList(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("state", "STATE", "Only media in this state (registered, in-use, stored, …).");
    cl.addFlag("json", "Print JSON on stdout.");
    cl.parse(0, 0);
    std::optional<records::MediaState> state;
    if (auto s = cl.value("state")) {
        state = records::parseMediaState(*s);
        if (!state)
            throw badInput("unknown state '" + s->substr(0, 30) +
                           "': use registered, in-use, stored, carried-out, returned, erased, "
                           "disposed, destroyed or returned-to-lessor");
    }
    records::Store store = openStore(inv);
    records::MediaLedger ledger(store.database(), store.signedRegister());
    if (cl.isSet("json")) {
        QJsonArray out;
        for (const auto& m : ledger.list(state)) out.append(mediumJson(m, nullptr));
        printJson(out);
        return 0;
    }
    // The listed columns only, in large writes: every medium of a big ledger in milliseconds.
    records::writeMediaList(ledger, state, stdout);
    return 0;
}

int runMediaMove(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag.");
    cl.addOption("to", "STATE", "in-use or stored.");
    cl.addOption("location", "L", "Where it is kept from now on.");
    cl.addFlag("write-protected", "Confirms it is write-protected (required to store, Art. 8(6)).");
    cl.addOption("locked-by", "HOW", "password or encryption (required to store class 1-2).");
    cl.addOption("reason", "TEXT", "Why.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    records::MoveDetails d;
    if (auto to = cl.value("to")) {
        d.to = records::parseMediaState(*to);
        if (!d.to)
            throw badInput("unknown state '" + to->substr(0, 30) + "': use in-use or stored");
    }
    d.location = cl.value("location");
    d.writeProtected = cl.isSet("write-protected");
    d.lockedBy = cl.value("locked-by").value_or("");
    d.reason = cl.value("reason").value_or("");
    Session session = Session::open(inv, cl, kLedgerKeepers);
    std::printf("%llu\n",
                static_cast<unsigned long long>(runOperation(operations::MoveMediumOperation(
                    session.store(), session.user(), {cl.positional()[0], d}))));
    return 0;
}

int runMediaUpdate(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("TAG", "The medium's asset tag.");
    cl.addOption("class", "N", "A higher class (smaller number); data managers only.");
    cl.addFlag("my-number", "It holds My Number data (never unset); data managers only.");
    cl.addOption("section", "S", "Owning section.");
    cl.addOption("data-manager", "ID", "The data manager responsible for it.");
    cl.addOption("notes", "TEXT", "Notes (replaces the old ones).");
    cl.addOption("lessor", "NAME", "The leasing company.");
    cl.addOption("lease-contract", "NO", "The lease contract number.");
    cl.addOption("lease-return", "DATE", "When it goes back, YYYY-MM-DD.");
    cl.addOption("reason", "TEXT", "Why the record changes (required).");
    addSessionOptions(cl);
    cl.parse(1, 1);
    records::MediumUpdate u;
    if (auto c = cl.value("class")) u.infoClass = classOrThrow(*c);
    u.myNumber = cl.isSet("my-number");
    u.section = cl.value("section");
    u.dataManager = cl.value("data-manager");
    u.notes = cl.value("notes");
    u.lessor = cl.value("lessor");
    u.leaseContract = cl.value("lease-contract");
    u.leaseReturn = cl.value("lease-return");
    u.reason = cl.required("reason");
    Session session = Session::open(inv, cl, kLedgerKeepers);
    std::printf("%llu\n",
                static_cast<unsigned long long>(runOperation(operations::UpdateMediumOperation(
                    session.store(), session.user(), {cl.positional()[0], u}))));
    return 0;
}

int runMediaCheck(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.parse(0, 0);
    records::Store store = openStore(inv);
    records::MediaLedger ledger(store.database(), store.signedRegister());
    const auto differences = ledger.differencesFromRegister();
    for (const auto& d : differences) std::printf("%s\n", d.c_str());
    if (!differences.empty())
        throw failed(std::to_string(differences.size()) +
                     " ledger row(s) differ from the signed register: the register is right; "
                     "investigate who edited massho.db");
    std::fprintf(stderr, "the media ledger agrees with the register (%zu media)\n",
                 ledger.list().size());
    return 0;
}

}  // namespace massho::cli
