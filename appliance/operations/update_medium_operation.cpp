#include "massho/operations/update_medium_operation.h"

#include "massho/operations/media_policy.h"
#include "massho/operations/operation_error.h"

namespace massho::operations {

UpdateMediumOperation::UpdateMediumOperation(records::Store& store, records::User by,
                                             UpdateMediumInput input)
    : store_(store), by_(std::move(by)), input_(std::move(input)) {}

void UpdateMediumOperation::check() {
    requireLedgerKeeper(by_, "updating a medium's record");
    const records::MediumUpdate& u = input_.update;
    if ((u.infoClass || u.myNumber) && !by_.hasRole(records::Role::DataManager))
        throw OperationError(base::ErrorCategory::Refused,
                             "only a data manager may change a medium's class or My Number flag");
    requireDataManagerNamed(store_.users(), u.dataManager);
}

Outcome UpdateMediumOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    records::MediaLedger ledger(store_.database(), store_.signedRegister());
    const uint64_t index = ledger.update(input_.tag, input_.update, by_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, input_.tag + " updated", index};
}

}  // namespace massho::operations
