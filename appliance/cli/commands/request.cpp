// massho request erase DEVICE --method ID --purpose P --class N --asset TAG [--note TEXT]
//                      --as OPERATOR --password-stdin
// massho request carryout DEVICE --class N --asset TAG --destination TEXT [--note TEXT] --as …
// massho request list [--state STATE] [--json] --as ID --password-stdin
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <vector>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../erase_fields.h"
#include "../json_output.h"
#include "../session.h"
#include "massho/erase/method.h"
#include "massho/operations/create_request_operation.h"
#include "massho/records/people/request_list_text.h"

namespace massho::cli {
namespace {

using records::Role;

void addRequestOptions(CommandLine& cl) {
    cl.addPositional("DEVICE", "The medium: its serial and model are read from the device.");
    cl.addOption("class", "N", "Information class of the data on the medium, 1-4 (Art. 7).");
    cl.addOption("asset", "TAG", "The medium's asset tag.");
    cl.addOption("note", "TEXT", "Anything the data manager should know.");
    cl.addFlag("allow-image-file",
               "Accept a regular file (a disk image) instead of a block device.");
    addSessionOptions(cl);
}

int printCreated(const records::Request& r) {
    std::fprintf(stderr,
                 "request %s recorded (register entry %llu); a data manager other than you "
                 "approves it with 'massho approve %s'\n",
                 r.id.c_str(), static_cast<unsigned long long>(r.requestEntry), r.id.c_str());
    std::printf("%s\n", r.id.c_str());
    return 0;
}

// The request, with its medium discovered and guarded as `massho erase` will see it.
int createRequest(const Invocation& inv, const CommandLine& cl, Session& session,
                  records::RequestDetails details) {
    operations::CreateRequestOperation create(
        session.store(), session.user(),
        {std::move(details), cl.positional()[0], cl.isSet("allow-image-file"), {inv.dataDir}});
    create.check();
    operations::ProgressSink progress;
    create.run(progress, operations::CancelToken());
    return printCreated(create.request());
}

}  // namespace

int runRequestErase(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("method", "ID", "Erasure method (massho methods).");
    cl.addOption("purpose", "PURPOSE", "reuse, disposal or lease-return.");
    addRequestOptions(cl);
    cl.parse(1, 1);

    const std::string methodId = cl.required("method");
    const erase::Method* method = erase::findMethod(methodId);
    if (!method) throw badInput("unknown method '" + methodId + "': 'massho methods' lists them");
    records::RequestDetails details;
    details.kind = records::RequestKind::Erase;
    details.purpose = purposeOrThrow(cl.required("purpose"));
    details.infoClass = classOrThrow(cl.required("class"));
    details.assetTag = cl.required("asset");
    details.method = method->id;
    details.note = cl.value("note").value_or("");

    Session session = Session::open(inv, cl, {Role::Operator});
    return createRequest(inv, cl, session, std::move(details));
}

int runRequestCarryout(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("destination", "TEXT", "Where the medium is taken (office, contractor).");
    addRequestOptions(cl);
    cl.parse(1, 1);

    records::RequestDetails details;
    details.kind = records::RequestKind::Carryout;
    details.purpose = "carryout";
    details.infoClass = classOrThrow(cl.required("class"));
    details.assetTag = cl.required("asset");
    details.destination = cl.required("destination");
    details.note = cl.value("note").value_or("");

    Session session = Session::open(inv, cl, {Role::Operator});
    return createRequest(inv, cl, session, std::move(details));
}

namespace {

// What `request list` shows in its STATE column: the stored states and "expired" (an approval
// not used in time, Request::displayState).
constexpr const char* kListedStates = "pending, approved, rejected, claimed, used or expired";

bool isListedState(const std::string& state) {
    for (auto s : {records::RequestState::Pending, records::RequestState::Approved,
                   records::RequestState::Rejected, records::RequestState::Claimed,
                   records::RequestState::Used})
        if (state == records::toString(s)) return true;
    return state == "expired";
}

// The stored states a shown state can come from (request_list_text.h).
std::vector<records::RequestState> storedStates(const std::string& shown) {
    return records::storedStatesShownAs(shown);
}

}  // namespace

int runRequestList(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addOption("state", "STATE", QString("Only ") + kListedStates + ".");
    cl.addFlag("json", "Print a JSON array.");
    addSessionOptions(cl);
    cl.parse(0, 0);

    const auto filter = cl.value("state");
    if (filter && !isListedState(*filter))
        throw badInput("unknown state '" + filter->substr(0, 30) + "': use " + kListedStates);
    Session session = Session::open(
        inv, cl, {Role::Operator, Role::DataManager, Role::Admin, Role::Auditor, Role::Chief});
    const auto now = session.store().clock()();
    if (!cl.isSet("json")) {
        // In large writes, one reused row at a time: every request of a big register quickly.
        records::writeRequestList(session.store().requests(), filter, now, stdout);
        return 0;
    }
    QJsonArray all;
    // With --state, only the rows of its stored states (index requests_by_state).
    const auto requests = filter ? session.store().requests().list(storedStates(*filter))
                                 : session.store().requests().list();
    for (const auto& r : requests) {
        const std::string state = r.displayState(now);
        if (filter && *filter != state) continue;
        const auto& d = r.details;
        all.append(QJsonObject{
            {"id", QString::fromStdString(r.id)},
            {"kind", QString::fromStdString(std::string(records::toString(d.kind)))},
            {"state", QString::fromStdString(state)},
            {"purpose", QString::fromStdString(d.purpose)},
            {"class", d.infoClass},
            {"asset", QString::fromStdString(d.assetTag)},
            {"method", QString::fromStdString(d.method)},
            {"destination", QString::fromStdString(d.destination)},
            {"requester", QString::fromStdString(r.requester)},
            {"decided_by", QString::fromStdString(r.decidedBy.value_or(""))},
            {"approval_expires", QString::fromStdString(r.approvalExpires.value_or(""))},
            {"device_serial", QString::fromStdString(d.device.serial)},
            {"device_model", QString::fromStdString(d.device.model)},
            {"device_path", QString::fromStdString(d.device.path)},
            {"request_entry", static_cast<qint64>(r.requestEntry)},
        });
    }
    printJsonIndented(all);
    return 0;
}

}  // namespace massho::cli
