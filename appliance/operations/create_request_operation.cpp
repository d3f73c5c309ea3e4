#include "massho/operations/create_request_operation.h"

#include "massho/erase/method.h"
#include "massho/operations/erasure_job.h"
#include "massho/operations/require_role.h"

namespace massho::operations {

CreateRequestOperation::CreateRequestOperation(records::Store& store, records::User requester,
                                               CreateRequestInput input)
    : store_(store), requester_(std::move(requester)), input_(std::move(input)) {}

void CreateRequestOperation::check() {
    requireRole(requester_, {records::Role::Operator}, "making a request");
    records::RequestDetails& d = input_.details;
    // A carry-out writes the whole medium, so it is discovered and guarded like an erasure.
    const std::string methodId = d.kind == records::RequestKind::Erase ? d.method : "zero";
    const erase::Method* method = erase::findMethod(methodId);
    if (!method)
        throw OperationError(base::ErrorCategory::BadInput,
                             "unknown method '" + methodId + "': 'massho methods' lists them");
    ErasureJobInput probe;
    probe.devicePath = input_.devicePath;
    probe.method = method;
    probe.allowRegularFile = input_.allowRegularFile;
    probe.protectedPaths = input_.protectedPaths;
    ErasureJob discovery(store_.signedRegister(), std::move(probe));
    MediumDescription medium;
    try {
        medium = discovery.describe();
    } catch (const OperationError& e) {
        // A medium that cannot be described is the person's to correct; a guarded one is refused.
        if (e.category() == base::ErrorCategory::Refused) throw;
        throw OperationError(base::ErrorCategory::BadInput, e.what());
    }
    d.device = {medium.path, medium.model, medium.serial, medium.sizeBytes};
    checked_ = true;
}

Outcome CreateRequestOperation::run(ProgressSink& progress, const CancelToken&) {
    if (!checked_) check();
    progress.beginStep("recording");
    request_ = store_.requests().create(input_.details, requester_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, "request " + request_.id + " recorded", request_.requestEntry};
}

}  // namespace massho::operations
