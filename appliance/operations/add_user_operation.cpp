#include "massho/operations/add_user_operation.h"

#include "massho/operations/recorded_since.h"
#include "massho/operations/require_role.h"

namespace massho::operations {

AddUserOperation::AddUserOperation(records::Store& store, records::User admin, AddUserInput input)
    : store_(store), admin_(std::move(admin)), input_(std::move(input)) {}

void AddUserOperation::check() {
    requireRole(admin_, {records::Role::Admin}, "adding a user");
}

Outcome AddUserOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    const uint64_t before = store_.signedRegister().size();
    store_.users().add(input_.user, input_.password.view(), admin_.id);
    input_.password.wipe();
    progress.report(1, 1);
    return {OutcomeKind::Done, "added " + input_.user.id,
            recordedSince(store_.signedRegister(), before)};
}

}  // namespace massho::operations
