#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "massho/operations/erasure_entry.h"
#include "massho/records/ledger/media_ledger.h"

namespace massho::operations {

// Which ledger row an erasure or carry-out of an attached medium is about, decided
// before anything is written.
struct LedgerAdmission {
    std::string tag;
    int infoClass = 0;
    // Set when the medium is not in the ledger yet and the configuration lets an erasure register
    // it: registerAdmitted() appends it before the first write.
    std::optional<records::NewMedium> toRegister;
    // The row records a lease (lessor, contract, return date); never for a medium to register.
    bool leased = false;
};

// Finds the medium's row: by the --asset tag when given, else by the device's serial. Refuses
// (OperationError Refused) a tag whose recorded serial differs from the device's, a device
// registered under another tag (a device without a serial: same path, model and size, as
// approvals match it), a class that contradicts the ledger, an act the medium's state does not
// allow, and an unregistered medium when `registerUnknown` is false. Bad input when no tag is
// given and the device has no serial or its serial is not in the ledger, or when an unregistered
// medium has no class.
LedgerAdmission admitToLedger(const records::MediaLedger& ledger, bool registerUnknown,
                              const MediumDescription& medium,
                              const std::optional<std::string>& assetTag,
                              std::optional<int> infoClass, records::MediaAct act);

// Art. 20(11): an erasure for a lease return is of leased equipment, and the ledger must say whose,
// so that `media return-to-lessor` can close the row. Refuses (OperationError Refused), before
// anything is written, a `lease-return` erasure of a row without a lease, naming `massho media
// update TAG --lessor …`; and of a medium this erasure would register (a registration by an
// erasure records no lease), naming `massho media add … --lessor …`. Other purposes pass.
void requireLeaseForReturn(const LedgerAdmission& admission, const MediumDescription& medium,
                           std::string_view purpose);

// Appends the medium-registered entry when the admission asked for it; its index, for the
// erasure entry's "medium_entry" link.
std::optional<uint64_t> registerAdmitted(records::MediaLedger& ledger,
                                         const LedgerAdmission& admission, const std::string& by);

}  // namespace massho::operations
