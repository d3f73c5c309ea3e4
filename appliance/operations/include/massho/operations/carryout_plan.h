#pragma once

#include <string>

#include "massho/records/people/store.h"
#include "massho/records/register/device_identity.h"

namespace massho::operations {

// What a carry-out on an attached medium would be, told before anyone asks for it, so that a
// front-end can prefill the asset tag and say whether a data manager must approve first: the
// media ledger's row for the medium and massho.conf [approval.required] for "carryout" and the
// class of the data. It writes nothing; CarryOutOperation::check() decides it all again.
struct CarryOutPlan {
    std::string assetTag;           // the open ledger row's tag, "" when the ledger lacks it
    bool approvalRequired = false;  // for the class; false while it is not chosen (0)
};

// `infoClass`: 1-4, or 0 (not chosen yet). Throws OperationError (BadInput) for another class.
CarryOutPlan planCarryOut(records::Store& store, const records::DeviceIdentity& device,
                          int infoClass);

}  // namespace massho::operations
