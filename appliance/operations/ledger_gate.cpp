#include "massho/operations/ledger_gate.h"

#include "massho/operations/erase_operation.h"

namespace massho::operations {
namespace {

using Kind = OperationError::Kind;

[[noreturn]] void refuse(const std::string& message) {
    throw OperationError(Kind::Refused, message);
}

[[noreturn]] void badInput(const std::string& message) {
    throw OperationError(Kind::BadInput, message);
}

std::string registerHint(const MediumDescription& medium, const std::string& tag) {
    return "massho media add " + (tag.empty() ? std::string("TAG") : tag) + " --device " +
           medium.path + " --class N";
}

// The row for a given tag must be this device, and the device must not be another row.
void checkSameMedium(const records::Medium& row, const std::optional<records::Medium>& bySerial,
                     const MediumDescription& medium) {
    if (!row.serial.empty() && !medium.serial.empty() && row.serial != medium.serial)
        refuse("asset " + row.tag + " is serial " + row.serial + " in the media ledger, but " +
               medium.path + " reports serial " + medium.serial +
               ": check the label against the device");
    if (bySerial && bySerial->tag != row.tag)
        refuse(medium.path + " (serial " + medium.serial + ") is registered as " + bySerial->tag +
               ", not " + row.tag + ": check the label");
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
    m.source = "erasure";
    return {tag, *infoClass, m};
}

}  // namespace

LedgerAdmission admitToLedger(const records::MediaLedger& ledger, bool registerUnknown,
                              const MediumDescription& medium,
                              const std::optional<std::string>& assetTag,
                              std::optional<int> infoClass, records::MediaAct act) {
    const auto bySerial = ledger.findOpenBySerial(medium.serial);
    std::optional<records::Medium> row;
    if (assetTag) {
        row = ledger.find(*assetTag);
        if (!row && bySerial)
            refuse(medium.path + " (serial " + medium.serial + ") is registered as " +
                   bySerial->tag + ", not " + *assetTag + ": check the label");
        if (!row) return admitUnregistered(registerUnknown, medium, *assetTag, infoClass);
        checkSameMedium(*row, bySerial, medium);
    } else if (bySerial) {
        row = bySerial;
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
    return {row->tag, row->infoClass, std::nullopt};
}

std::optional<uint64_t> registerAdmitted(records::MediaLedger& ledger,
                                         const LedgerAdmission& admission, const std::string& by) {
    if (!admission.toRegister) return std::nullopt;
    return ledger.add(*admission.toRegister, by);
}

}  // namespace massho::operations
