#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/device_identity.h"
#include "massho/records/ledger/media_state.h"

namespace massho::records {

// One row of the media ledger (媒体管理台帳, Art. 8 of the city's standard): what the medium is,
// whose, where, and where it is in its life. Every field comes from register entries
// (media_fold.h), so the row can always be rebuilt from the signed register.
struct Medium {
    std::string tag;        // opaque asset tag: the label must not reveal the class (Art. 8(1))
    int infoClass = 4;      // 1..4 (Art. 7)
    bool myNumber = false;  // holds individual numbers: closed only by a witnessed destruction
    std::string mediaType;  // hdd, ssd, nvme, usb-flash, memory-card, optical, tape, virtual, other
    std::string manufacturer, model, serial;
    int64_t sizeBytes = 0;
    // Recorded only for a device without a serial: with model and size, it is the only way to
    // recognise it again (DeviceIdentity, the rule approvals use).
    std::string devicePath;
    std::string section;      // owning section (所管課)
    std::string dataManager;  // the user ID of the data manager responsible (Art. 13(10))
    std::string location;     // where it is kept (Art. 8(2))
    std::string lessor, leaseContract, leaseReturn;  // leased equipment (Art. 20(11)); date
    std::string notes;

    MediaState state = MediaState::Registered;
    bool writeProtected = false;  // recorded when stored (Art. 8(6))
    std::string lockedBy;         // "password" or "encryption" for important stored media
    std::string registered;       // RFC 3339 time of the medium-registered entry
    std::string changed;          // time of the last entry that touched it
    uint64_t registeredEntry = 0;
    uint64_t lastEntry = 0;
    std::optional<uint64_t> lastErasureEntry;  // the last successful erasure
    std::string lastErasurePurpose;            // reuse | disposal | lease-return
    std::optional<uint64_t> carryOutEntry;     // while carried out: the carry-out entry

    bool leased() const { return !lessor.empty(); }
    DeviceIdentity device() const {
        return {devicePath, deviceModel(manufacturer, model), serial,
                static_cast<uint64_t>(sizeBytes)};
    }
};

// What `media list` prints of a medium: its columns in the media table (schema version 9), so
// that a list of every medium steps columns instead of parsing each row. The views are valid only
// during the visit that hands them out.
struct MediumLine {
    std::string_view tag;
    int infoClass = 4;
    bool myNumber = false;
    std::string_view mediaType;
    MediaState state = MediaState::Registered;
    std::string_view serial, location;
};

// One register entry in a medium's history.
struct MediumEvent {
    uint64_t index = 0;
    std::string tag;
    std::string kind;  // the entry's kind: medium-registered, erasure, carry-out, …
    std::string time;
    MediaState state = MediaState::Registered;  // the state after it
    std::string by;
    std::string summary;  // a few words, e.g. "erased (dod-3)", "destroyed: shred"
};

// The ledger row as flat fields (for the cache table), and back. Throws EntryFormatError.
EntryFields toFields(const Medium& medium);
Medium mediumFromFields(const EntryFields& fields);
EntryFields toFields(const MediumEvent& event);
MediumEvent eventFromFields(const EntryFields& fields);

}  // namespace massho::records
