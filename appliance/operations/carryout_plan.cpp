#include "massho/operations/carryout_plan.h"

#include "massho/base/information_class.h"
#include "massho/operations/operation_error.h"
#include "massho/records/ledger/media_ledger.h"

namespace massho::operations {

CarryOutPlan planCarryOut(records::Store& store, const records::DeviceIdentity& device,
                          int infoClass) {
    if (infoClass != 0 && !base::isInformationClass(infoClass))
        throw OperationError(base::ErrorCategory::BadInput,
                             "information class must be 1, 2, 3 or 4 (Art. 7), not '" +
                                 std::to_string(infoClass) + "'");
    CarryOutPlan plan;
    const records::MediaLedger ledger(store.database(), store.signedRegister(), store.clock());
    if (const auto row = ledger.findOpenByDevice(device)) plan.assetTag = row->tag;
    // The class is the data's, as chosen (a carry-out's class, ledger_gate.h), not the ledger's.
    plan.approvalRequired =
        infoClass != 0 && store.config().approvals.required("carryout", infoClass);
    return plan;
}

}  // namespace massho::operations
