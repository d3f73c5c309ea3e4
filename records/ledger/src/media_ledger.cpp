#include "massho/records/ledger/media_ledger.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "massho/base/information_class.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/text_field.h"

namespace massho::records {
namespace {

// What a person typed (text_field.h); empty means the field was left out.
void requirePlainText(const std::string& what, const std::string& value,
                      TextKind kind = TextKind::Line) {
    requireOptionalText(what, value, kind);
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void requireLeaseComplete(const NewMedium& m) {
    const int given = !m.lessor.empty() + !m.leaseContract.empty() + !m.leaseReturn.empty();
    if (given != 0 && given != 3)
        throw UserError(
            "a leased medium needs the lessor, the contract number and the return "
            "date (--lessor, --lease-contract, --lease-return YYYY-MM-DD)");
    if (given == 3 && !isValidDate(m.leaseReturn))
        throw UserError("lease return date '" + m.leaseReturn.substr(0, 20) +
                        "' is not a date written as " + kDateRule);
}

void validate(const NewMedium& m) {
    if (!isValidAssetTag(m.tag))
        throw UserError("asset tag '" + m.tag.substr(0, 40) +
                        "' is invalid: use 1-40 of A-Z a-z 0-9 . _ - starting with a letter or "
                        "digit (and never the class in words, Art. 8(1))");
    if (!base::isInformationClass(m.infoClass))
        throw UserError("--class must be 1, 2, 3 or 4 (Art. 7)");
    if (!contains(mediaTypes(), m.mediaType))
        throw UserError("media type '" + m.mediaType.substr(0, 20) + "' is unknown: use one of " +
                        joined(mediaTypes()));
    for (const auto& [what, value] : {std::pair{"--manufacturer", &m.manufacturer},
                                      {"--model", &m.model},
                                      {"--device", &m.devicePath},
                                      {"--serial", &m.serial},
                                      {"--section", &m.section},
                                      {"--location", &m.location},
                                      {"--lessor", &m.lessor},
                                      {"--lease-contract", &m.leaseContract}})
        requirePlainText(what, *value);
    requirePlainText("--data-manager", m.dataManager, TextKind::Identifier);
    requirePlainText("--notes", m.notes, TextKind::Reason);
    if (m.sizeBytes < 0 || m.sizeBytes > kMaxSafeInteger) throw UserError("size is out of range");
    requireLeaseComplete(m);
}

bool isMagnetic(const std::string& mediaType) {
    return mediaType == "hdd" || mediaType == "tape";
}

void validate(const Destruction& d, const Medium& m, const std::string& by,
              const std::string& today) {
    if (!contains(destructionMethods(), d.method))
        throw UserError("destruction method '" + d.method.substr(0, 20) + "' is unknown: use " +
                        joined(destructionMethods()));
    // NIST SP 800-88 Rev. 1 Table A: degaussing does nothing to flash memory or optical discs.
    if (d.method == "degauss" && !isMagnetic(m.mediaType))
        throw RefusedError("degaussing does not destroy the data on " + m.mediaType +
                           " media: use shred, crush, melt or incinerate");
    if (d.witness.empty()) throw UserError("a destruction needs a witness (--witness ID)");
    requirePlainText("--witness", d.witness, TextKind::Identifier);
    if (d.witness == by)
        throw RefusedError(
            "the witness must be a second person, not the one destroying the "
            "medium (Art. 7-3 separation of duties)");
    if (d.contractor.empty() != d.contractorCertificate.empty())
        throw UserError(
            "an outside firm's destruction needs both --contractor and "
            "--contractor-cert (their destruction certificate number)");
    requirePlainText("--contractor", d.contractor);
    requirePlainText("--contractor-cert", d.contractorCertificate);
    requirePlainText("--place", d.place);
    if (!isValidDate(d.performedOn) || d.performedOn > today)
        throw UserError("destruction date '" + d.performedOn.substr(0, 20) +
                        "' must be a date written as " + kDateRule + ", not in the future");
    // A medium is not destroyed before the ledger knew it: such a date is a typo or a backdating.
    // Both dates are UTC days (formatDate, the register's RFC 3339 times).
    const std::string registeredOn = m.registered.substr(0, 10);
    if (d.performedOn < registeredOn)
        throw UserError("destruction date " + d.performedOn + " is before medium " + m.tag +
                        " was registered (" + registeredOn +
                        "): give the day it was destroyed (--date YYYY-MM-DD)");
    for (const auto& h : d.photoSha256s)
        if (h.size() != 64 || h.find_first_not_of("0123456789abcdef") != std::string::npos)
            throw UserError("a photo hash must be 64 lower-case hex digits (SHA-256)");
}

// The act that closes a medium erased for this purpose; empty for a purpose that keeps it in use.
std::string closingCommand(const std::string& purpose) {
    if (purpose == "disposal") return "massho media dispose or massho media destroy";
    if (purpose == "lease-return") return "massho media return-to-lessor";
    return {};
}

// An erasure for disposal or a lease return was made (and, by class, approved) so that the
// medium leaves for good (Art. 8(4), 20(11)): only the closing act ends that. Putting it back
// into use reverses the decision, so it is the data manager's (Art. 13(10)) and the reason is on
// record. A fresh erasure for reuse also puts it back, with its own evidence.
void checkBackIntoUse(const Medium& m, const MoveDetails& d) {
    if (m.state != MediaState::Erased || !d.to) return;
    const std::string closing = closingCommand(m.lastErasurePurpose);
    if (closing.empty()) return;
    if (!d.byDataManager)
        throw RefusedError(
            "medium " + m.tag + " refused: it was erased for " + m.lastErasurePurpose + " (entry " +
            std::to_string(m.lastErasureEntry.value_or(0)) + "): close it with " + closing +
            "; if it really is to be reused, a data manager moves it back "
            "with --reason WHY");
    if (d.reason.empty())
        throw UserError("say why medium " + m.tag + ", erased for " + m.lastErasurePurpose +
                        ", goes back into use (--reason TEXT)");
}

std::string refusal(const Medium& m, MediaAct act, std::optional<MediaState> to = std::nullopt) {
    auto why = whyRefused(m.state, act, to);
    return why ? "medium " + m.tag + " refused: " + *why : std::string();
}

void refuseUnless(const Medium& m, MediaAct act, std::optional<MediaState> to = std::nullopt) {
    if (auto msg = refusal(m, act, to); !msg.empty()) throw RefusedError(msg);
}

}  // namespace

const std::vector<std::string>& destructionMethods() {
    static const std::vector<std::string> methods{"shred", "crush",      "degauss",
                                                  "melt",  "incinerate", "disassemble"};
    return methods;
}

const std::vector<std::string>& mediaTypes() {
    static const std::vector<std::string> types{
        "hdd", "ssd", "nvme", "usb-flash", "memory-card", "optical", "tape", "virtual", "other"};
    return types;
}

std::string ledgerMediaType(std::string_view discovered) {
    const auto& known = mediaTypes();
    return std::find(known.begin(), known.end(), discovered) != known.end()
               ? std::string(discovered)
               : std::string("other");
}

bool isValidAssetTag(std::string_view tag) {
    if (tag.empty() || tag.size() > 40 || !std::isalnum(static_cast<unsigned char>(tag[0])))
        return false;
    return std::all_of(tag.begin(), tag.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

MediaLedger::MediaLedger(Database& db, Register& log, Clock clock)
    : db_(db), register_(log), clock_(std::move(clock)) {
    if (db_.readOnly()) {
        // Nothing may be written: the tables answer when they already hold every entry, else
        // the register is replayed (every entry read: O(register)).
        if (!tablesCurrent()) replayed_ = replayLedger(register_);
        return;
    }
    catchUp();  // the tables are the ladder's (schema.cpp, version 7)
}

bool MediaLedger::tablesCurrent() const {
    // The listed columns since version 9, the events' times since 10; an older file opened
    // read-only was never migrated.
    if (db_.schemaVersion() < 10) return false;
    // The cursor before the size: both only grow, so a cursor read first that reaches the size
    // read after it really covered every entry.
    Statement cursor(db_, "SELECT next_index FROM media_cursor WHERE id = 0");
    const uint64_t next = cursor.step() ? static_cast<uint64_t>(cursor.integer(0)) : 0;
    return next >= register_.size();
}

void MediaLedger::catchUp() {
    // Read-only: only ever opened on tables that were current (tablesCurrent) or replayed.
    if (replayed_ || db_.readOnly()) return;
    Transaction tx(db_);
    Statement cursor(db_, "SELECT next_index FROM media_cursor WHERE id = 0");
    const uint64_t next = cursor.step() ? static_cast<uint64_t>(cursor.integer(0)) : 0;
    const uint64_t size = register_.size();
    if (next >= size) return;
    register_.forEach([&](uint64_t at, const std::string& bytes) { applyEntry(bytes, at); }, next);
    setCursor(size);
    tx.commit();
}

void MediaLedger::applyEntry(const std::string& bytes, uint64_t at) {
    if (!mayConcernLedger(bytes)) return;
    const EntryFields fields = parseEntry(bytes);
    auto tag = ledgerTag(fields);
    if (!tag) return;
    std::optional<Medium> medium = find(*tag);
    if (auto event = applyToMedium(medium, fields, at)) {
        save(*medium);
        saveEvent(*event);
    }
}

void MediaLedger::save(const Medium& m) {
    // The listed columns (schema version 9) are the row's own values, for `media list`.
    Statement s(db_,
                "INSERT OR REPLACE INTO media(tag, serial, state, row, class, my_number, "
                "media_type, location) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, m.tag).bind(2, m.serial).bind(3, toString(m.state));
    s.bind(4, serializeEntry(toFields(m))).bind(5, int64_t{m.infoClass});
    s.bind(6, int64_t{m.myNumber ? 1 : 0}).bind(7, m.mediaType).bind(8, m.location).run();
}

void MediaLedger::saveEvent(const MediumEvent& e) {
    // The time beside the row (schema version 10): the reports' index media_events_by_time.
    Statement s(db_, "INSERT OR REPLACE INTO media_events(idx, tag, row, time) VALUES(?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(e.index)).bind(2, e.tag);
    s.bind(3, serializeEntry(toFields(e))).bind(4, e.time).run();
}

// Inside an act's transaction, after its catchUp(): appends the entry and applies it, so the
// entry and the tables' change commit or vanish together.
uint64_t MediaLedger::record(const std::string& entryBytes) {
    const uint64_t at = register_.append(entryBytes);
    applyEntry(entryBytes, at);
    setCursor(at + 1);
    return at;
}

void MediaLedger::setCursor(uint64_t nextIndex) {
    Statement s(db_, "UPDATE media_cursor SET next_index = ? WHERE id = 0");
    s.bind(1, static_cast<int64_t>(nextIndex)).run();
}
Medium MediaLedger::existing(const std::string& tag) const {
    auto m = find(tag);
    if (!m)
        throw UserError("no medium '" + tag.substr(0, 40) +
                        "' in the ledger: see massho media list, or register it with "
                        "massho media add");
    return *m;
}

uint64_t MediaLedger::add(const NewMedium& m, const std::string& by) {
    validate(m);
    if (db_.readOnly()) throw StoreError("the register is open read-only: cannot add a medium");
    Transaction tx(db_);
    catchUp();
    if (find(m.tag))
        throw UserError("asset tag '" + m.tag + "' is already in the ledger: massho media show " +
                        m.tag);
    // One medium, one row: a second tag would let the medium be handled under another class.
    if (auto other = findOpenByDevice(m.device()))
        throw RefusedError(m.device().describe() + " is already in the ledger as " + other->tag +
                           ": one medium has one tag (massho media show " + other->tag + ")" +
                           (m.serial.empty() ? "; a device without a serial is known by its "
                                               "path, model and size"
                                             : ""));
    EntryBuilder e(EntryKind::MediumRegistered, clock_);
    e.set("asset", m.tag).set("class", int64_t{m.infoClass});
    e.set("my_number", int64_t{m.myNumber ? 1 : 0}).set("media_type", m.mediaType);
    for (const auto& [key, value] : {std::pair{"manufacturer", &m.manufacturer},
                                     {"model", &m.model},
                                     {"serial", &m.serial},
                                     {"section", &m.section},
                                     {"data_manager", &m.dataManager},
                                     {"location", &m.location},
                                     {"lessor", &m.lessor},
                                     {"lease_contract", &m.leaseContract},
                                     {"lease_return", &m.leaseReturn},
                                     {"notes", &m.notes}})
        if (!value->empty()) e.set(key, *value);
    if (m.sizeBytes > 0) e.set("size_bytes", m.sizeBytes);
    if (m.serial.empty() && !m.devicePath.empty()) e.set("device_path", m.devicePath);
    e.set("source", m.source).set("by", by);
    const uint64_t at = record(e.finish());
    tx.commit();
    return at;
}

uint64_t MediaLedger::move(const std::string& tag, const MoveDetails& d, const std::string& by) {
    if (d.location) requirePlainText("--location", *d.location);
    requirePlainText("--reason", d.reason, TextKind::Reason);
    // Bad input before any refusal: a typo is not a policy matter.
    if (!d.lockedBy.empty() && d.lockedBy != "password" && d.lockedBy != "encryption")
        throw UserError("--locked-by must be password or encryption");
    Transaction tx(db_);
    catchUp();
    const Medium m = existing(tag);
    const MediaState to = d.to.value_or(m.state);
    if (!d.to && !d.location) throw UserError("say what changes: --to STATE and/or --location L");
    refuseUnless(m, MediaAct::Move, to);
    checkBackIntoUse(m, d);
    if (to == MediaState::Stored) {
        // Art. 8(6): long-term storage is write-protected; important media also locked.
        if (!d.writeProtected)
            throw RefusedError("medium " + tag +
                               " refused: a stored medium must be write-protected (Art. 8(6)); "
                               "protect it and confirm with --write-protected");
        if (m.infoClass <= 2 && d.lockedBy != "password" && d.lockedBy != "encryption")
            throw RefusedError("medium " + tag + " refused: class " + std::to_string(m.infoClass) +
                               " media are stored with a password or encrypted (Art. 8(6)): "
                               "--locked-by password|encryption");
    }
    EntryBuilder e(EntryKind::MediumMoved, clock_);
    e.set("asset", tag).set("from", toString(m.state)).set("to", toString(to));
    e.set("location", d.location.value_or(m.location));
    e.set("write_protected", int64_t{to == MediaState::Stored && d.writeProtected ? 1 : 0});
    if (to == MediaState::Stored && !d.lockedBy.empty()) e.set("locked_by", d.lockedBy);
    if (!d.reason.empty()) e.set("reason", d.reason);
    e.set("by", by);
    const uint64_t at = record(e.finish());
    tx.commit();
    return at;
}

uint64_t MediaLedger::update(const std::string& tag, const MediumUpdate& u, const std::string& by) {
    if (u.reason.empty()) throw UserError("say why the record changes (--reason TEXT)");
    requirePlainText("--reason", u.reason, TextKind::Reason);
    for (const auto& [what, value] : {std::pair{"--section", &u.section},
                                      {"--lessor", &u.lessor},
                                      {"--lease-contract", &u.leaseContract}})
        if (*value) requirePlainText(what, **value);
    if (u.dataManager) requirePlainText("--data-manager", *u.dataManager, TextKind::Identifier);
    if (u.notes) requirePlainText("--notes", *u.notes, TextKind::Reason);
    if (u.leaseReturn && !isValidDate(*u.leaseReturn))
        throw UserError("lease return date '" + u.leaseReturn->substr(0, 20) +
                        "' is not a date written as " + kDateRule);
    Transaction tx(db_);
    catchUp();
    const Medium m = existing(tag);
    if (isClosed(m.state))
        throw RefusedError("medium " + tag + " refused: it is " + std::string(toString(m.state)) +
                           ": a closed medium's record never changes");
    if (u.infoClass && !base::isInformationClass(*u.infoClass))
        throw UserError("--class must be 1, 2, 3 or 4 (Art. 7)");
    // Art. 7: what once held more sensitive data is never handled as holding less.
    if (u.infoClass && *u.infoClass > m.infoClass)
        throw RefusedError("medium " + tag + " refused: it is class " +
                           std::to_string(m.infoClass) +
                           "; a class is only ever raised (to a smaller number), never lowered");
    NewMedium after;  // the lease must stay complete: all three, or none
    after.lessor = u.lessor.value_or(m.lessor);
    after.leaseContract = u.leaseContract.value_or(m.leaseContract);
    after.leaseReturn = u.leaseReturn.value_or(m.leaseReturn);
    requireLeaseComplete(after);
    EntryBuilder e(EntryKind::MediumUpdated, clock_);
    e.set("asset", tag).set("reason", u.reason).set("by", by);
    bool changes = false;
    if (u.infoClass && *u.infoClass != m.infoClass) {
        e.set("class", int64_t{*u.infoClass});
        changes = true;
    }
    if (u.myNumber && !m.myNumber) {
        e.set("my_number", int64_t{1});
        changes = true;
    }
    for (const auto& [key, value, current] :
         {std::tuple{"section", &u.section, &m.section},
          {"data_manager", &u.dataManager, &m.dataManager},
          {"notes", &u.notes, &m.notes},
          {"lessor", &u.lessor, &m.lessor},
          {"lease_contract", &u.leaseContract, &m.leaseContract},
          {"lease_return", &u.leaseReturn, &m.leaseReturn}})
        if (*value && **value != *current) {
            e.set(key, **value);
            changes = true;
        }
    if (!changes) throw UserError("nothing to change: the record already says that");
    const uint64_t at = record(e.finish());
    tx.commit();
    return at;
}

uint64_t MediaLedger::destroy(const std::string& tag, const Destruction& given,
                              const std::string& by) {
    Destruction d = given;
    const std::string today = formatDate(clock_());
    if (d.performedOn.empty()) d.performedOn = today;
    Transaction tx(db_);
    catchUp();
    const Medium m = existing(tag);
    refuseUnless(m, MediaAct::Destroy);
    validate(d, m, by, today);
    EntryBuilder e(EntryKind::MediumDestroyed, clock_);
    e.set("asset", tag).set("from", toString(m.state)).set("method", d.method);
    e.set("by", by).set("witness", d.witness).set("performed_on", d.performedOn);
    e.set("class", int64_t{m.infoClass}).set("my_number", int64_t{m.myNumber ? 1 : 0});
    if (!m.serial.empty()) e.set("serial", m.serial);
    if (!d.contractor.empty())
        e.set("contractor", d.contractor).set("contractor_cert", d.contractorCertificate);
    if (!d.place.empty()) e.set("place", d.place);
    std::string photos;
    for (const auto& h : d.photoSha256s) photos += (photos.empty() ? "" : ",") + h;
    if (!photos.empty()) e.set("photo_sha256", photos);
    if (m.lastErasureEntry) e.set("erasure_entry", static_cast<int64_t>(*m.lastErasureEntry));
    const uint64_t at = record(e.finish());
    tx.commit();
    return at;
}

uint64_t MediaLedger::dispose(const std::string& tag, const std::string& by) {
    Transaction tx(db_);
    catchUp();
    const Medium m = existing(tag);
    if (m.myNumber && !isClosed(m.state))
        throw RefusedError("medium " + tag +
                           " refused: it holds My Number data, which is never disposed of, "
                           "only physically destroyed with a witness (massho media destroy)");
    refuseUnless(m, MediaAct::Dispose);
    if (m.lastErasurePurpose != "disposal")
        throw RefusedError("medium " + tag + " refused: its last erasure (entry " +
                           std::to_string(m.lastErasureEntry.value_or(0)) + ") was for " +
                           m.lastErasurePurpose +
                           "; disposal needs an approved erasure with --purpose disposal "
                           "(Art. 8(4))");
    EntryBuilder e(EntryKind::MediumDisposed, clock_);
    e.set("asset", tag).set("from", toString(m.state)).set("by", by);
    e.set("erasure_entry", static_cast<int64_t>(*m.lastErasureEntry));
    const uint64_t at = record(e.finish());
    tx.commit();
    return at;
}

uint64_t MediaLedger::returnToLessor(const std::string& tag, const std::string& by) {
    Transaction tx(db_);
    catchUp();
    const Medium m = existing(tag);
    if (!m.leased()) throw UserError("medium " + tag + " is not leased: no lessor to return it to");
    if (m.myNumber && !isClosed(m.state))
        throw RefusedError("medium " + tag +
                           " refused: it holds My Number data and must be destroyed, not "
                           "returned; settle the lease with the lessor (massho media destroy)");
    refuseUnless(m, MediaAct::ReturnToLessor);
    if (m.lastErasurePurpose != "lease-return")
        throw RefusedError("medium " + tag + " refused: its last erasure (entry " +
                           std::to_string(m.lastErasureEntry.value_or(0)) + ") was for " +
                           m.lastErasurePurpose +
                           "; erase it with --purpose lease-return first (Art. 20(11))");
    EntryBuilder e(EntryKind::MediumReturnedToLessor, clock_);
    e.set("asset", tag).set("from", toString(m.state)).set("by", by);
    e.set("lessor", m.lessor).set("lease_contract", m.leaseContract);
    if (!m.serial.empty()) e.set("serial", m.serial);
    e.set("erasure_entry", static_cast<int64_t>(*m.lastErasureEntry));
    const uint64_t at = record(e.finish());
    tx.commit();
    return at;
}

std::optional<Medium> MediaLedger::find(const std::string& tag) const {
    if (replayed_) {
        auto it = replayed_->media.find(tag);
        return it == replayed_->media.end() ? std::nullopt : std::optional(it->second);
    }
    Statement s(db_, "SELECT row FROM media WHERE tag = ?");
    if (!s.bind(1, tag).step()) return std::nullopt;
    return mediumFromFields(parseEntry(s.text(0)));
}

std::optional<Medium> MediaLedger::findOpen(
    const std::string& serial, const std::function<bool(const Medium&)>& matches) const {
    if (replayed_) {
        for (const auto& [tag, m] : replayed_->media)
            if (m.serial == serial && !isClosed(m.state) && matches(m)) return m;
        return std::nullopt;
    }
    Statement s(db_, "SELECT row FROM media WHERE serial = ?");  // index media_by_serial
    s.bind(1, serial);
    while (s.step()) {
        Medium m = mediumFromFields(parseEntry(s.text(0)));
        if (!isClosed(m.state) && matches(m)) return m;
    }
    return std::nullopt;
}

std::vector<Medium> MediaLedger::withSerial(const std::string& serial) const {
    std::vector<Medium> out;
    if (replayed_) {
        for (const auto& [tag, m] : replayed_->media)
            if (m.serial == serial) out.push_back(m);
        return out;
    }
    Statement s(db_, "SELECT row FROM media WHERE serial = ? ORDER BY tag");  // media_by_serial
    s.bind(1, serial);
    while (s.step()) out.push_back(mediumFromFields(parseEntry(s.text(0))));
    return out;
}

std::optional<Medium> MediaLedger::findOpenBySerial(const std::string& serial) const {
    if (serial.empty()) return std::nullopt;
    return findOpen(serial, [](const Medium&) { return true; });
}

// A device without a serial is matched as approvals match it (path, model and size): the same
// rule in both places, so an approval and the ledger always mean the same medium. Its path is
// reused by whatever is attached there next, so the match may name a medium that is no longer
// there; the gates then refuse (a wrong label) rather than guess, and never pick a row by it
// alone (an erasure of a serial-less device still needs --asset).
std::optional<Medium> MediaLedger::findOpenByDevice(const DeviceIdentity& device) const {
    if (!device.serial.empty()) return findOpenBySerial(device.serial);
    if (device.path.empty()) return std::nullopt;
    return findOpen("", [&](const Medium& m) { return m.device().sameMedium(device); });
}

std::vector<Medium> MediaLedger::list(std::optional<MediaState> state) const {
    std::vector<Medium> out;
    if (replayed_) {
        for (const auto& [tag, m] : replayed_->media)
            if (!state || m.state == *state) out.push_back(m);
        return out;
    }
    // By state through the index media_by_state (schema version 8): the answer, not the ledger.
    Statement s(db_, state ? "SELECT row FROM media WHERE state = ? ORDER BY tag"
                           : "SELECT row FROM media ORDER BY tag");
    if (state) s.bind(1, toString(*state));
    while (s.step()) {
        Medium m = mediumFromFields(parseEntry(s.text(0)));
        if (!state || m.state == *state) out.push_back(std::move(m));
    }
    return out;
}

void MediaLedger::forEachListed(std::optional<MediaState> state,
                                const std::function<void(const MediumLine&)>& visit) const {
    if (replayed_) {
        for (const auto& [tag, m] : replayed_->media)
            if (!state || m.state == *state)
                visit({m.tag, m.infoClass, m.myNumber, m.mediaType, m.state, m.serial, m.location});
        return;
    }
    // Every medium: index media_listing from start to end. By state: media_by_state, the answer.
    Statement s(db_, state ? "SELECT tag, class, my_number, media_type, state, serial, location "
                             "FROM media WHERE state = ? ORDER BY tag"
                           : "SELECT tag, class, my_number, media_type, state, serial, location "
                             "FROM media ORDER BY tag");
    if (state) s.bind(1, toString(*state));
    while (s.step()) {
        const auto rowState = parseMediaState(s.textView(4));
        if (!rowState)
            throw EntryFormatError("ledger row " + std::string(s.textView(0)) +
                                   " has an unknown state '" + std::string(s.textView(4)) + "'");
        visit({s.textView(0), static_cast<int>(s.integer(1)), s.integer(2) != 0, s.textView(3),
               *rowState, s.textView(5), s.textView(6)});
    }
}

std::vector<MediumEvent> MediaLedger::history(const std::string& tag) const {
    if (replayed_) return replayed_->history(tag);
    std::vector<MediumEvent> out;
    Statement s(db_, "SELECT row FROM media_events WHERE tag = ? ORDER BY idx");
    s.bind(1, tag);
    while (s.step()) out.push_back(eventFromFields(parseEntry(s.text(0))));
    return out;
}

std::vector<Medium> MediaLedger::listOpen() const {
    std::vector<Medium> out;
    if (replayed_) {
        for (const auto& [tag, m] : replayed_->media)
            if (!isClosed(m.state)) out.push_back(m);
        return out;
    }
    // Each open state through index media_by_state: the open media, not every medium.
    std::string in;
    std::vector<MediaState> open;
    for (MediaState s : {MediaState::Registered, MediaState::InUse, MediaState::Stored,
                         MediaState::CarriedOut, MediaState::Returned, MediaState::Erased,
                         MediaState::Disposed, MediaState::Destroyed, MediaState::ReturnedToLessor})
        if (!isClosed(s)) {
            in += in.empty() ? "?" : ", ?";
            open.push_back(s);
        }
    Statement s(db_, "SELECT row FROM media WHERE state IN (" + in + ") ORDER BY tag");
    for (size_t k = 0; k < open.size(); ++k) s.bind(static_cast<int>(k + 1), toString(open[k]));
    while (s.step()) out.push_back(mediumFromFields(parseEntry(s.text(0))));
    return out;
}

std::vector<MediumEvent> MediaLedger::eventsBetween(const std::string& from,
                                                    const std::string& to) const {
    std::vector<MediumEvent> out;
    if (replayed_) {
        for (const auto& e : replayed_->events)
            if (e.time >= from && e.time < to) out.push_back(e);
        return out;
    }
    Statement s(
        db_,
        "SELECT row FROM media_events WHERE time >= ? AND time < ? ORDER BY idx");  // by time
    s.bind(1, from).bind(2, to);
    while (s.step()) out.push_back(eventFromFields(parseEntry(s.text(0))));
    return out;
}

LedgerAsOf MediaLedger::asOf(const std::string& before, std::optional<MediaState> state) const {
    LedgerAsOf out;
    if (replayed_) {
        MediaSnapshot then = replayLedger(register_, before);
        for (auto& [tag, m] : then.media)
            if (!state || m.state == *state) out.media.emplace(tag, std::move(m));
        for (const auto& e : then.events)
            if (out.media.contains(e.tag)) out.entries[e.tag].push_back(e.index);
        return out;
    }
    const ReadTransaction reading(db_);
    // Media with an event at or after `before` (index media_events_by_time) stood otherwise then.
    std::set<std::string, std::less<>> changed;
    {
        // Without DISTINCT, which would have SQLite walk media_events_by_tag instead.
        Statement s(db_, "SELECT tag FROM media_events WHERE time >= ?");
        s.bind(1, before);
        while (s.step()) changed.emplace(s.textView(0));
    }
    // The others' rows are as they stood then.
    for (Medium& m : list(state))
        if (!changed.contains(m.tag)) out.media.emplace(m.tag, std::move(m));
    // Those changed since: folded again from their own entries before `before`, as a replay of
    // the register up to then folds them (an entry of another medium never changes this one).
    Statement eventsThen(db_,
                         "SELECT idx FROM media_events WHERE tag = ? AND time < ? ORDER BY idx");
    const auto indexesThen = [&](const std::string& tag) {
        std::vector<uint64_t> indexes;
        eventsThen.reset();
        eventsThen.bind(1, tag).bind(2, before);
        while (eventsThen.step()) indexes.push_back(static_cast<uint64_t>(eventsThen.integer(0)));
        return indexes;
    };
    for (const std::string& tag : changed) {
        std::vector<uint64_t> indexes = indexesThen(tag);
        std::optional<Medium> medium;
        for (uint64_t index : indexes)
            applyToMedium(medium, parseEntry(register_.entry(index)), index);
        if (!medium || (state && medium->state != *state)) continue;
        out.media.emplace(tag, std::move(*medium));
        out.entries.emplace(tag, std::move(indexes));
    }
    // The unchanged media's histories: every event of theirs is before `before`.
    if (state) {
        for (const auto& [tag, m] : out.media)
            if (!changed.contains(tag)) out.entries.emplace(tag, indexesThen(tag));
    } else {
        // Every medium: the history index media_events_by_tag from start to end, in tag order
        // (the map's order too, so each new tag goes at its end).
        Statement s(db_, "SELECT tag, idx FROM media_events ORDER BY tag, idx");
        std::vector<uint64_t>* current = nullptr;
        std::string_view currentTag;
        while (s.step()) {
            const std::string_view tag = s.textView(0);
            if (!current || tag != currentTag) {
                current = nullptr;
                if (changed.contains(tag)) continue;
                auto at = out.entries.emplace_hint(out.entries.end(), std::string(tag),
                                                   std::vector<uint64_t>());
                current = &at->second;
                currentTag = at->first;
            }
            current->push_back(static_cast<uint64_t>(s.integer(1)));
        }
    }
    return out;
}

std::vector<std::string> MediaLedger::differencesFromRegister() const {
    const MediaSnapshot truth = replayLedger(register_);
    std::vector<std::string> out;
    const auto rows = list();
    for (const auto& m : rows) {
        auto it = truth.media.find(m.tag);
        if (it == truth.media.end())
            out.push_back(m.tag + ": in the ledger table but never registered in the register");
        else if (serializeEntry(toFields(m)) != serializeEntry(toFields(it->second)))
            out.push_back(m.tag + ": the ledger table differs from the register (state " +
                          std::string(toString(m.state)) + " vs " +
                          std::string(toString(it->second.state)) + ", last entry " +
                          std::to_string(it->second.lastEntry) + ")");
    }
    // The listed columns must say what the row says: `media list` prints them.
    size_t at = 0;
    forEachListed(std::nullopt, [&](const MediumLine& line) {
        const Medium* m = at < rows.size() ? &rows[at++] : nullptr;
        if (!m || line.tag != m->tag || line.infoClass != m->infoClass ||
            line.myNumber != m->myNumber || line.mediaType != m->mediaType ||
            line.state != m->state || line.serial != m->serial || line.location != m->location)
            out.push_back(std::string(line.tag) +
                          ": the ledger table's listed columns differ from its row");
    });
    for (const auto& [tag, m] : truth.media)
        // The tag by init-capture: clang before 16 cannot capture a structured binding.
        if (std::none_of(rows.begin(), rows.end(),
                         [&t = tag](const Medium& r) { return r.tag == t; }))
            out.push_back(tag + ": registered in entry " + std::to_string(m.registeredEntry) +
                          " but missing from the ledger table");
    // The events' time column (schema version 10), which the reports select by, is its row's.
    if (!replayed_) {
        Statement s(db_,
                    "SELECT idx, tag FROM media_events WHERE time IS NOT "
                    "json_extract(row, '$.time') ORDER BY idx");
        while (s.step())
            out.push_back(std::string(s.textView(1)) + ": the time column of ledger event " +
                          std::to_string(s.integer(0)) + " differs from its row");
    }
    return out;
}

}  // namespace massho::records
