#include "massho/operations/set_user_enabled_operation.h"

#include "massho/operations/recorded_since.h"
#include "massho/operations/require_role.h"

namespace massho::operations {

SetUserEnabledOperation::SetUserEnabledOperation(records::Store& store, records::User admin,
                                                 SetUserEnabledInput input)
    : store_(store), admin_(std::move(admin)), input_(std::move(input)) {}

void SetUserEnabledOperation::check() {
    requireRole(admin_, {records::Role::Admin},
                input_.enabled ? "enabling a user" : "disabling a user");
}

Outcome SetUserEnabledOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    const uint64_t before = store_.signedRegister().size();
    if (input_.enabled)
        store_.users().enable(input_.userId, admin_.id);
    else
        store_.users().disable(input_.userId, admin_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, (input_.enabled ? "enabled " : "disabled ") + input_.userId,
            recordedSince(store_.signedRegister(), before)};
}

}  // namespace massho::operations
