#include "massho/operations/move_medium_operation.h"

#include "massho/operations/media_policy.h"

namespace massho::operations {

MoveMediumOperation::MoveMediumOperation(records::Store& store, records::User by,
                                         MoveMediumInput input)
    : store_(store), by_(std::move(by)), input_(std::move(input)) {}

void MoveMediumOperation::check() {
    requireLedgerKeeper(by_, "moving a medium");
    input_.details.byDataManager = by_.hasRole(records::Role::DataManager);
}

Outcome MoveMediumOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    records::MediaLedger ledger(store_.database(), store_.signedRegister());
    const uint64_t index = ledger.move(input_.tag, input_.details, by_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, input_.tag + " moved", index};
}

}  // namespace massho::operations
