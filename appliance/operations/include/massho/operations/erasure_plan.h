#pragma once

#include <string>

#include "massho/records/people/store.h"
#include "massho/records/register/device_identity.h"

namespace massho::operations {

// What an erasure of an attached medium would be, told before anyone asks for it, so that a
// front-end can prefill its form and say whether a data manager must approve first: the ledger's
// row for the medium and the approval policy (massho.conf [approval.required]) applied to the
// purpose and class. It writes nothing and decides nothing the erasure itself does not check
// again (ErasureOperation::check()).
struct ErasurePlan {
    std::string assetTag;           // the open ledger row's tag, "" when the ledger lacks it
    int infoClass = 0;              // the ledger's class, else the one asked about (0: neither)
    bool approvalRequired = false;  // for the purpose and class; false while either is unknown
};

// `purpose`: reuse, disposal, lease-return or "" (not chosen yet); `infoClass`: 1-4, or 0 (not
// chosen yet). Throws OperationError (BadInput) for any other purpose or class.
ErasurePlan planErasure(records::Store& store, const records::DeviceIdentity& device,
                        const std::string& purpose, int infoClass);

}  // namespace massho::operations
