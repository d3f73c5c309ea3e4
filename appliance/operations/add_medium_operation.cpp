#include "massho/operations/add_medium_operation.h"

#include "massho/operations/media_policy.h"

namespace massho::operations {

AddMediumOperation::AddMediumOperation(records::Store& store, records::User by,
                                       AddMediumInput input)
    : store_(store), by_(std::move(by)), input_(std::move(input)) {
    input_.medium.dataManager = input_.dataManager.value_or("");
}

void AddMediumOperation::check() {
    requireLedgerKeeper(by_, "registering a medium");
    requireDataManagerNamed(store_.users(), input_.dataManager);
}

Outcome AddMediumOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    records::MediaLedger ledger(store_.database(), store_.signedRegister());
    const uint64_t index = ledger.add(input_.medium, by_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, "registered " + input_.medium.tag, index};
}

}  // namespace massho::operations
