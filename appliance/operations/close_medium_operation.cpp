#include "massho/operations/close_medium_operation.h"

#include "massho/operations/media_policy.h"
#include "massho/operations/require_role.h"
#include "massho/records/ledger/media_ledger.h"

namespace massho::operations {

CloseMediumOperation::CloseMediumOperation(records::Store& store, records::User by,
                                           CloseMediumInput input)
    : store_(store), by_(std::move(by)), input_(std::move(input)) {}

void CloseMediumOperation::check() {
    if (input_.closing == Closing::Dispose)
        requireRole(by_, {records::Role::DataManager, records::Role::RecordsOfficer},
                    "disposing of a medium");
    else
        requireLedgerKeeper(by_, "returning a medium to its lessor");
}

Outcome CloseMediumOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    records::MediaLedger ledger(store_.database(), store_.signedRegister());
    const bool dispose = input_.closing == Closing::Dispose;
    const uint64_t index =
        dispose ? ledger.dispose(input_.tag, by_.id) : ledger.returnToLessor(input_.tag, by_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, input_.tag + (dispose ? " disposed" : " returned to its lessor"),
            index};
}

}  // namespace massho::operations
