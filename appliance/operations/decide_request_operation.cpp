#include "massho/operations/decide_request_operation.h"

#include "massho/records/register/policy_errors.h"
#include "massho/records/register/text_field.h"

namespace massho::operations {

DecideRequestOperation::DecideRequestOperation(records::Store& store, records::User decider,
                                               DecideRequestInput input)
    : store_(store), decider_(std::move(decider)), input_(std::move(input)) {}

void DecideRequestOperation::check() {
    // The same rule and words as records::Requests::reject, which checks it again.
    if (input_.decision == Decision::Reject)
        records::requireText("--reason", input_.reason, records::TextKind::Reason);
    store_.requests().get(input_.requestId);  // RequestError (bad input) for an unknown ID
}

Outcome DecideRequestOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    records::Requests& requests = store_.requests();
    try {
        request_ = input_.decision == Decision::Approve
                       ? requests.approve(input_.requestId, decider_.id)
                       : requests.reject(input_.requestId, decider_.id, input_.reason);
    } catch (const records::RefusedError& e) {
        // Recorded as `approval-refused`, the last entry: a refusal once running.
        if (const base::Reason* reason = base::reasonOf(e)) refusalReason_ = *reason;
        return {OutcomeKind::Refused, e.what(), store_.signedRegister().size() - 1};
    }
    progress.report(1, 1);
    return {
        OutcomeKind::Done,
        std::string(input_.decision == Decision::Approve ? "approved " : "rejected ") + request_.id,
        request_.decisionEntry};
}

}  // namespace massho::operations
