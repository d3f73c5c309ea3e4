#include "massho/operations/destroy_medium_operation.h"

#include <optional>

#include "massho/operations/require_role.h"
#include "massho/records/ledger/evidence_store.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/errors.h"

namespace massho::operations {

DestroyMediumOperation::DestroyMediumOperation(records::Store& store, records::User by,
                                               DestroyMediumInput input)
    : store_(store), by_(std::move(by)), input_(std::move(input)) {}

void DestroyMediumOperation::check() {
    requireRole(
        by_, {records::Role::Operator, records::Role::DataManager, records::Role::RecordsOfficer},
        "destroying a medium");
    const std::string& witness = input_.destruction.witness;
    if (witness == by_.id)
        throw OperationError(base::ErrorCategory::Refused,
                             "the witness must be a second person, not the one destroying the "
                             "medium (Art. 7-3 separation of duties)");
    if (input_.witnessLoggedIn) {
        requireWitnessEnabled();
        return;
    }
    records::Secret password =
        input_.witnessPassword ? input_.witnessPassword() : records::Secret();
    try {
        store_.users().authenticate(witness, password.view());
    } catch (const records::AuthError& e) {
        throw OperationError(base::ErrorCategory::Refused,
                             "witness " + witness + " not confirmed: " + e.what());
    }
}

// A witness who logged in a moment ago may since have been disabled or have expired.
void DestroyMediumOperation::requireWitnessEnabled() const {
    const std::string& witness = input_.destruction.witness;
    const std::optional<records::User> person = store_.users().find(witness);
    const std::string today = records::formatDate(store_.clock()());
    if (!person || person->disabled || (person->expires && today > *person->expires))
        throw OperationError(base::ErrorCategory::Refused,
                             "witness " + witness +
                                 " not confirmed: the account is disabled or "
                                 "has expired");
}

Outcome DestroyMediumOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    const records::EvidenceStore evidence(input_.dataDir);
    for (const auto& photo : input_.photos)
        input_.destruction.photoSha256s.push_back(evidence.add(photo));
    records::MediaLedger ledger(store_.database(), store_.signedRegister());
    const uint64_t index = ledger.destroy(input_.tag, input_.destruction, by_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done,
            "destruction of " + input_.tag + " witnessed by " + input_.destruction.witness, index};
}

}  // namespace massho::operations
