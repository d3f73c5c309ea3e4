#include "massho/operations/change_password_operation.h"

#include "massho/operations/recorded_since.h"
#include "massho/operations/require_role.h"

namespace massho::operations {

ChangePasswordOperation::ChangePasswordOperation(records::Store& store, records::User by,
                                                 ChangePasswordInput input)
    : store_(store), by_(std::move(by)), input_(std::move(input)) {}

void ChangePasswordOperation::check() {
    if (input_.userId != by_.id)
        requireRole(by_, {records::Role::Admin}, "changing another person's password");
}

Outcome ChangePasswordOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("recording");
    const uint64_t before = store_.signedRegister().size();
    store_.users().changePassword(input_.userId, input_.password.view(), by_.id);
    input_.password.wipe();
    progress.report(1, 1);
    return {OutcomeKind::Done, "changed the password of " + input_.userId,
            recordedSince(store_.signedRegister(), before)};
}

}  // namespace massho::operations
