#include "massho/operations/erasure_plan.h"

#include "massho/base/information_class.h"
#include "massho/operations/operation_error.h"
#include "massho/records/ledger/media_ledger.h"

namespace massho::operations {

ErasurePlan planErasure(records::Store& store, const records::DeviceIdentity& device,
                        const std::string& purpose, int infoClass) {
    if (!purpose.empty() && purpose != "reuse" && purpose != "disposal" &&
        purpose != "lease-return")
        throw OperationError(
            base::ErrorCategory::BadInput,
            "unknown purpose '" + purpose + "': use reuse, disposal or lease-return");
    if (infoClass != 0 && !base::isInformationClass(infoClass))
        throw OperationError(base::ErrorCategory::BadInput,
                             "information class must be 1, 2, 3 or 4 (Art. 7), not '" +
                                 std::to_string(infoClass) + "'");
    ErasurePlan plan;
    plan.infoClass = infoClass;
    const records::MediaLedger ledger(store.database(), store.signedRegister(), store.clock());
    if (const auto row = ledger.findOpenByDevice(device)) {
        plan.assetTag = row->tag;
        // The ledger's class is the one the erasure will record (ledger_gate.h): plan with it.
        plan.infoClass = row->infoClass;
    }
    plan.approvalRequired = !purpose.empty() && plan.infoClass != 0 &&
                            store.config().approvals.required(purpose, plan.infoClass);
    return plan;
}

}  // namespace massho::operations
