#include "massho/operations/ledger_gate.h"

#include "massho/operations/erasure_job.h"

namespace massho::operations {
namespace {

using Category = base::ErrorCategory;

[[noreturn]] void refuse(const std::string& message) {
    throw OperationError(Category::Refused, message);
}

[[noreturn]] void badInput(const std::string& message) {
    throw OperationError(Category::BadInput, message);
}

std::string registerHint(const MediumDescription& medium, const std::string& tag) {
    return "massho media add " + (tag.empty() ? std::string("TAG") : tag) + " --device " +
           medium.path + " --class N";
}

// The options a lease takes: the ledger accepts all three or none (media_ledger.h).
constexpr const char* kLeaseOptions = "--lessor NAME --lease-contract NO --lease-return YYYY-MM-DD";

records::DeviceIdentity deviceIdentity(const MediumDescription& medium) {
    return {medium.path, medium.model, medium.serial, medium.sizeBytes};
}

[[noreturn]] void refuseOtherTag(const MediumDescription& medium, const std::string& recorded,
                                 const std::string& given) {
    refuse(medium.path +
           (medium.serial.empty() ? " (no serial; same path, model and size)"
                                  : " (serial " + medium.serial + ")") +
           " is registered as " + recorded + ", not " + given + ": check the label");
}

// The row for a given tag must be this device, and the device must not be another row.
void checkSameMedium(const records::Medium& row, const std::optional<records::Medium>& recorded,
                     const MediumDescription& medium) {
    if (!row.serial.empty() && !medium.serial.empty() && row.serial != medium.serial)
        refuse("asset " + row.tag + " is serial " + row.serial + " in the media ledger, but " +
               medium.path + " reports serial " + medium.serial +
               ": check the label against the device");
    if (recorded && recorded->tag != row.tag) refuseOtherTag(medium, recorded->tag, row.tag);
}

LedgerAdmission admitUnregistered(bool registerUnknown, const MediumDescription& medium,
                                  const std::string& tag, std::optional<int> infoClass) {
    if (!registerUnknown)
        refuse("asset " + tag +
               " is not in the media ledger and massho.conf says "
               "unregistered = refuse: register it first (" +
               registerHint(medium, tag) + ")");
    if (!records::isValidAssetTag(tag))
        badInput("asset tag '" + tag.substr(0, 40) +
                 "' is invalid for the media ledger: use 1-40 of A-Z a-z 0-9 . _ -");
    if (!infoClass) badInput("--class is required for a medium that is not in the media ledger");
    records::NewMedium m;
    m.tag = tag;
    m.infoClass = *infoClass;
    m.mediaType = records::ledgerMediaType(medium.mediaType);
    m.model = medium.model;
    m.serial = medium.serial;
    m.sizeBytes = static_cast<int64_t>(medium.sizeBytes);
    m.devicePath = medium.path;  // kept only without a serial: how it is recognised again
    m.source = "erasure";
    return {tag, *infoClass, m, false};
}

}  // namespace

LedgerAdmission admitToLedger(const records::MediaLedger& ledger, bool registerUnknown,
                              const MediumDescription& medium,
                              const std::optional<std::string>& assetTag,
                              std::optional<int> infoClass, records::MediaAct act) {
    // A device without a serial is recognised too, so that a new tag cannot take it out of its
    // class; but its identity is weaker (a path is reused), so it never picks the row alone.
    const auto recorded = ledger.findOpenByDevice(deviceIdentity(medium));
    std::optional<records::Medium> row;
    if (assetTag) {
        row = ledger.find(*assetTag);
        if (!row && recorded) refuseOtherTag(medium, recorded->tag, *assetTag);
        if (!row) return admitUnregistered(registerUnknown, medium, *assetTag, infoClass);
        checkSameMedium(*row, recorded, medium);
    } else if (recorded && !medium.serial.empty()) {
        row = recorded;
    } else {
        badInput("give --asset TAG: " + medium.path +
                 (medium.serial.empty() ? " reports no serial"
                                        : " (serial " + medium.serial + ") is not in the ledger") +
                 "; or register it first (" + registerHint(medium, "") + ")");
    }
    // A carry-out's class is that of the data it carries, not of the medium's past contents.
    if (act != records::MediaAct::CarryOut && infoClass && *infoClass != row->infoClass)
        refuse("asset " + row->tag + " is class " + std::to_string(row->infoClass) +
               " in the media ledger, not " + std::to_string(*infoClass) +
               ": correct --class (or the ledger, with its data manager)");
    if (auto why = records::whyRefused(row->state, act))
        refuse("medium " + row->tag + " refused: " + *why);
    return {row->tag, row->infoClass, std::nullopt, row->leased()};
}

void requireLeaseForReturn(const LedgerAdmission& admission, const MediumDescription& medium,
                           std::string_view purpose) {
    if (purpose != "lease-return" || admission.leased) return;
    if (admission.toRegister)
        refuse("asset " + admission.tag +
               " is not in the media ledger, and a medium registered by an erasure has no "
               "lease: register it with its lease first (" +
               registerHint(medium, admission.tag) + " " + kLeaseOptions +
               "), then erase it for the lease return");
    refuse("medium " + admission.tag +
           " has no lease in the media ledger, so it cannot be erased for a lease return "
           "(Art. 20(11)): record the lease first (massho media update " +
           admission.tag + " " + kLeaseOptions +
           " --reason TEXT), or erase it for disposal or reuse");
}

std::optional<uint64_t> registerAdmitted(records::MediaLedger& ledger,
                                         const LedgerAdmission& admission, const std::string& by) {
    if (!admission.toRegister) return std::nullopt;
    return ledger.add(*admission.toRegister, by);
}

}  // namespace massho::operations
