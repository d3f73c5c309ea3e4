// massho approve REQ --as DATA_MANAGER --password-stdin
// massho reject REQ --reason TEXT --as DATA_MANAGER --password-stdin
// Both are operations::DecideRequestOperation: the rules (data-manager role, never the
// requester: Art. 7-3, 8(4), 8(7)) are enforced and recorded there; a refusal exits 3.
#include <cstdio>

#include "../cli_error.h"
#include "../command_line.h"
#include "../commands.h"
#include "../session.h"
#include "massho/operations/decide_request_operation.h"

namespace massho::cli {
namespace {

std::string describe(const records::Request& r) {
    const auto& d = r.details;
    if (d.kind == records::RequestKind::Carryout)
        return "carry-out of class " + std::to_string(d.infoClass) + " medium " + d.assetTag +
               " to " + d.destination;
    return d.purpose + " erasure (" + d.method + ") of class " + std::to_string(d.infoClass) +
           " medium " + d.assetTag + ", " + d.device.describe() + ", requested by " + r.requester;
}

// Runs the decision. A refusal was recorded (`approval-refused`) and is said as any refusal is.
records::Request decide(Session& session, operations::DecideRequestInput input) {
    operations::DecideRequestOperation decision(session.store(), session.user(), std::move(input));
    decision.check();
    operations::ProgressSink progress;
    const operations::Outcome outcome = decision.run(progress, operations::CancelToken());
    if (!outcome.done()) throw refused(outcome.message);
    return decision.request();
}

}  // namespace

int runApprove(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("REQ", "The request ID (massho request list).");
    addSessionOptions(cl);
    cl.parse(1, 1);
    // Any authenticated person reaches the records check, so that a refused attempt by someone
    // without the role is recorded too.
    Session session = Session::open(inv, cl, {});
    const records::Request r =
        decide(session, {cl.positional()[0], operations::Decision::Approve, {}});
    std::fprintf(stderr, "approved %s: %s; valid until %s\n", r.id.c_str(), describe(r).c_str(),
                 r.approvalExpires.value_or("?").c_str());
    std::printf("%llu\n", static_cast<unsigned long long>(r.decisionEntry.value_or(0)));
    return 0;
}

int runReject(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addPositional("REQ", "The request ID (massho request list).");
    cl.addOption("reason", "TEXT", "Why: recorded in the register for the requester.");
    addSessionOptions(cl);
    cl.parse(1, 1);
    const std::string reason = cl.required("reason");
    Session session = Session::open(inv, cl, {});
    const records::Request r =
        decide(session, {cl.positional()[0], operations::Decision::Reject, reason});
    std::fprintf(stderr, "rejected %s: %s\n", r.id.c_str(), describe(r).c_str());
    std::printf("%llu\n", static_cast<unsigned long long>(r.decisionEntry.value_or(0)));
    return 0;
}

}  // namespace massho::cli
