#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "massho/records/ledger/media_fold.h"
#include "massho/records/ledger/medium.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/database.h"
#include "massho/records/register/device_identity.h"
#include "massho/records/register/register.h"

namespace massho::records {

// What `media add` (or an erasure of an unregistered medium) knows about a new medium.
struct NewMedium {
    std::string tag;
    int infoClass = 0;  // 1..4, required
    bool myNumber = false;
    std::string mediaType, manufacturer, model, serial;
    int64_t sizeBytes = 0;
    std::string devicePath;  // the device it was read from; recorded only without a serial
    std::string section, dataManager, location;
    std::string lessor, leaseContract, leaseReturn;  // all three, or none
    std::string notes;
    std::string source = "manual";  // manual | device | erasure | carry-out

    DeviceIdentity device() const {
        return {serial.empty() ? devicePath : std::string(), deviceModel(manufacturer, model),
                serial, static_cast<uint64_t>(sizeBytes)};
    }
};

struct MoveDetails {
    std::optional<MediaState> to;         // default: stays in its state (a location change)
    std::optional<std::string> location;  // default: unchanged
    bool writeProtected = false;          // must be true to store (Art. 8(6))
    std::string lockedBy;                 // password | encryption: required to store class 1–2
    std::string reason;
    // The mover is a data manager: only they may put a medium erased for disposal or a lease
    // return back into use (in use or stored), and only with a reason.
    bool byDataManager = false;
};

// Corrections and changes of a medium's particulars (`media update`): only what is given changes.
// The class may only go up and the My Number flag only be set: a medium that once held more
// sensitive data is never treated as holding less.
struct MediumUpdate {
    std::optional<int> infoClass;
    bool myNumber = false;  // true: set the flag
    std::optional<std::string> section, dataManager, notes;
    std::optional<std::string> lessor, leaseContract, leaseReturn;
    std::string reason;  // required: why the record changes
};

// A physical destruction (the national guideline's methods), performed by one person and
// witnessed by another (Art. 7-3 style separation of duties).
struct Destruction {
    std::string method;  // shred | crush | degauss | melt | incinerate | disassemble
    std::string witness;
    std::string contractor, contractorCertificate;  // both when an outside firm did it
    std::string place;
    std::string performedOn;                // YYYY-MM-DD; default today
    std::vector<std::string> photoSha256s;  // evidence photos, stored by hash
};

// The methods `media destroy` accepts.
const std::vector<std::string>& destructionMethods();
// The media types the ledger accepts.
const std::vector<std::string>& mediaTypes();
// The ledger's media type for what device discovery reported ("unknown" and the like: other).
std::string ledgerMediaType(std::string_view discovered);
// True for a tag the ledger accepts: 1–40 of A-Z a-z 0-9 . _ - starting with a letter or digit.
bool isValidAssetTag(std::string_view tag);

// The ledger as it stood at a moment (the reports' "as of"): each medium then, and the register
// entries of its history up to then, in register order.
struct LedgerAsOf {
    std::map<std::string, Medium> media;
    std::map<std::string, std::vector<uint64_t>> entries;  // by tag, for the media above
};

// The media ledger (媒体管理台帳): every act is a register entry appended in the same transaction
// as the ledger tables' update. The tables are a cache of the fold in media_fold.h: on open they
// catch up with entries appended elsewhere (erasures, carry-outs, carry-ins). On a read-only
// database (an auditor's copy, a read-only command) the tables answer when they hold every entry
// already (the cursor at the register's size, schema version 9 or later); otherwise the ledger
// is replayed from the register, since the tables cannot be brought up to date.
//
// Throws UserError for bad input (exit 2) and RefusedError for an act the medium's state or the
// rules do not allow (exit 3), always before anything is written.
class MediaLedger {
  public:
    MediaLedger(Database& db, Register& log, Clock clock = systemClock());

    uint64_t add(const NewMedium& medium, const std::string& by);
    uint64_t move(const std::string& tag, const MoveDetails& details, const std::string& by);
    uint64_t update(const std::string& tag, const MediumUpdate& update, const std::string& by);
    uint64_t destroy(const std::string& tag, const Destruction& destruction, const std::string& by);
    uint64_t dispose(const std::string& tag, const std::string& by);
    uint64_t returnToLessor(const std::string& tag, const std::string& by);

    std::optional<Medium> find(const std::string& tag) const;
    // Every medium with this serial, closed ones too, by tag (index media_by_serial).
    std::vector<Medium> withSerial(const std::string& serial) const;
    // The medium with this serial that is not closed (a serial is unique among those).
    std::optional<Medium> findOpenBySerial(const std::string& serial) const;
    // The medium that is not closed and is this device (DeviceIdentity::sameMedium): by serial,
    // or for a device without one by the path, model and size recorded when it was registered.
    std::optional<Medium> findOpenByDevice(const DeviceIdentity& device) const;
    std::vector<Medium> list(std::optional<MediaState> state = std::nullopt) const;
    // What `media list` prints of the same media in the same order (by tag), one visit each,
    // from the listed columns (index media_listing): nothing parsed, nothing kept.
    void forEachListed(std::optional<MediaState> state,
                       const std::function<void(const MediumLine&)>& visit) const;
    std::vector<MediumEvent> history(const std::string& tag) const;
    // The media not closed (media_state.h), by tag: through index media_by_state.
    std::vector<Medium> listOpen() const;
    // The events with a time from `from` up to (not including) `to`, both RFC 3339 text, in
    // register order: through index media_events_by_time (schema version 10).
    std::vector<MediumEvent> eventsBetween(const std::string& from, const std::string& to) const;
    // The ledger before `before` (RFC 3339 UTC), as replayLedger(log, before) has it, of the
    // media in `state` (default: every state). Media with no event since are their rows; those
    // with one are folded again from their own entries before it: the work is the answer and the
    // events since, not the register.
    LedgerAsOf asOf(const std::string& before,
                    std::optional<MediaState> state = std::nullopt) const;

    // Applies register entries appended since the tables were last brought up to date.
    void catchUp();
    // Replays the register and compares with the tables: one line per difference (empty: they
    // agree). Finds a ledger row edited behind the register's back.
    std::vector<std::string> differencesFromRegister() const;

  private:
    Medium existing(const std::string& tag) const;
    bool tablesCurrent() const;
    std::optional<Medium> findOpen(const std::string& serial,
                                   const std::function<bool(const Medium&)>& matches) const;
    uint64_t record(const std::string& entryBytes);
    void setCursor(uint64_t nextIndex);
    void applyEntry(const std::string& bytes, uint64_t index);
    void save(const Medium& medium);
    void saveEvent(const MediumEvent& event);

    Database& db_;
    Register& register_;
    Clock clock_;
    std::optional<MediaSnapshot> replayed_;  // read-only databases
};

}  // namespace massho::records
