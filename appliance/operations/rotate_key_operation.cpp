#include "massho/operations/rotate_key_operation.h"

#include "massho/operations/recorded_since.h"
#include "massho/operations/require_role.h"

namespace massho::operations {

RotateKeyOperation::RotateKeyOperation(records::Store& store, records::User admin)
    : store_(store), admin_(std::move(admin)) {}

void RotateKeyOperation::check() {
    requireRole(admin_, {records::Role::Admin}, "rotating the signing key");
}

Outcome RotateKeyOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("rotating");
    const uint64_t before = store_.signedRegister().size();
    vkey_ = store_.rotateKey(admin_.id);
    progress.report(1, 1);
    return {OutcomeKind::Done, "signing key rotated",
            recordedSince(store_.signedRegister(), before)};
}

}  // namespace massho::operations
