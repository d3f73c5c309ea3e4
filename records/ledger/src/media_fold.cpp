#include "massho/records/ledger/media_fold.h"

#include <set>

#include "massho/records/register/entry_kind.h"

namespace massho::records {
namespace {

const std::set<std::string>& ledgerKinds() {
    static const std::set<std::string> kinds{
        EntryKind::MediumRegistered, EntryKind::MediumMoved,    EntryKind::MediumUpdated,
        EntryKind::MediumDestroyed,  EntryKind::MediumDisposed, EntryKind::MediumReturnedToLessor,
        EntryKind::Erasure,          EntryKind::CarryOut,       EntryKind::CarryIn};
    return kinds;
}

std::optional<uint64_t> index(const EntryFields& f, const std::string& key) {
    if (!f.contains(key) || entryIntegerOr(f, key, -1) < 0) return std::nullopt;
    return static_cast<uint64_t>(entryIntegerOr(f, key, 0));
}

// A medium-registered entry carries the row's fields under the same names (the tag as "asset").
Medium registeredMedium(const EntryFields& entry, uint64_t at) {
    EntryFields row = entry;
    row["tag"] = entry.at("asset");
    row["state"] = std::string(toString(MediaState::Registered));
    for (const char* notRow : {"v", "kind", "salt", "time", "asset", "by", "source"})
        row.erase(notRow);
    Medium m = mediumFromFields(row);
    m.registered = entryText(entry, "time");
    m.registeredEntry = at;
    return m;
}

// What an entry does to an existing medium; returns the event's summary.
std::string applyAct(Medium& m, const std::string& kind, const EntryFields& f, uint64_t at) {
    if (kind == EntryKind::MediumMoved) {
        if (auto to = parseMediaState(entryText(f, "to"))) m.state = *to;
        if (f.contains("location")) m.location = entryText(f, "location");
        m.writeProtected = entryIntegerOr(f, "write_protected", 0) != 0;
        m.lockedBy = entryText(f, "locked_by");
        return entryText(f, "from") + " → " + entryText(f, "to") +
               (m.location.empty() ? "" : " (" + m.location + ")");
    }
    if (kind == EntryKind::MediumUpdated) {
        std::string changed;
        for (const auto& [key, field] : {std::pair{"section", &m.section},
                                         {"data_manager", &m.dataManager},
                                         {"notes", &m.notes},
                                         {"lessor", &m.lessor},
                                         {"lease_contract", &m.leaseContract},
                                         {"lease_return", &m.leaseReturn}})
            if (f.contains(key)) {
                *field = entryText(f, key);
                changed += std::string(changed.empty() ? "" : ", ") + key;
            }
        if (f.contains("class")) {
            m.infoClass = static_cast<int>(entryIntegerOr(f, "class", m.infoClass));
            changed += std::string(changed.empty() ? "" : ", ") + "class";
        }
        if (entryIntegerOr(f, "my_number", 0) == 1) {
            m.myNumber = true;
            changed += std::string(changed.empty() ? "" : ", ") + "my_number";
        }
        return "updated " + changed + ": " + entryText(f, "reason");
    }
    if (kind == EntryKind::Erasure) {
        const std::string result = entryText(f, "result");
        if (result == "erased") {
            m.state = MediaState::Erased;
            m.lastErasureEntry = at;
            m.lastErasurePurpose = entryText(f, "purpose");
            m.carryOutEntry.reset();
        }
        return result + " (" + entryText(f, "method") + ", " + entryText(f, "purpose") + ")";
    }
    if (kind == EntryKind::CarryOut) {
        if (entryText(f, "result") == "written") {
            m.state = MediaState::CarriedOut;
            m.carryOutEntry = at;
        }
        return "carry-out " + entryText(f, "result") + " to " + entryText(f, "destination");
    }
    if (kind == EntryKind::CarryIn) {
        const bool erased = entryText(f, "crypto_erase") == "done";
        m.state = erased ? MediaState::Erased : MediaState::Returned;
        if (erased) m.lastErasureEntry = index(f, "erasure_index");
        m.carryOutEntry.reset();
        return std::string("returned (") + entryText(f, "condition") +
               (erased ? "), crypto-erased" : ")");
    }
    if (kind == EntryKind::MediumDestroyed) {
        m.state = MediaState::Destroyed;
        return "destroyed: " + entryText(f, "method") + ", witness " + entryText(f, "witness");
    }
    if (kind == EntryKind::MediumDisposed) {
        m.state = MediaState::Disposed;
        return "disposed";
    }
    if (kind == EntryKind::MediumReturnedToLessor) {
        m.state = MediaState::ReturnedToLessor;
        return "returned to " + entryText(f, "lessor") + " (" + entryText(f, "lease_contract") +
               ")";
    }
    return kind;
}

std::string actor(const EntryFields& f) {
    for (const char* key : {"by", "operator"})
        if (f.contains(key)) return entryText(f, key);
    return {};
}

}  // namespace

std::optional<std::string> ledgerTag(const EntryFields& entry) {
    auto kind = entry.find("kind");
    if (kind == entry.end() || !ledgerKinds().contains(entryText(entry, "kind")))
        return std::nullopt;
    const std::string tag = entryText(entry, "asset");
    if (tag.empty()) return std::nullopt;
    return tag;
}

std::optional<MediumEvent> applyToMedium(std::optional<Medium>& medium, const EntryFields& entry,
                                         uint64_t at) {
    auto tag = ledgerTag(entry);
    if (!tag) return std::nullopt;
    const std::string kind = entryText(entry, "kind");
    std::string summary;
    if (kind == EntryKind::MediumRegistered) {
        if (medium) return std::nullopt;  // the ledger refuses duplicates; ignore a replayed one
        medium = registeredMedium(entry, at);
        summary = "registered (" + entryText(entry, "source") + ")";
    } else {
        if (!medium) return std::nullopt;
        summary = applyAct(*medium, kind, entry, at);
    }
    medium->changed = entryText(entry, "time");
    medium->lastEntry = at;
    return MediumEvent{at,           *tag,   kind, entryText(entry, "time"), medium->state,
                       actor(entry), summary};
}

void MediaSnapshot::apply(const EntryFields& entry, uint64_t at) {
    auto tag = ledgerTag(entry);
    if (!tag) return;
    std::optional<Medium> medium;
    if (auto it = media.find(*tag); it != media.end()) medium = it->second;
    if (auto event = applyToMedium(medium, entry, at)) {
        media.insert_or_assign(*tag, *medium);
        events.push_back(std::move(*event));
    }
}

std::vector<MediumEvent> MediaSnapshot::history(const std::string& tag) const {
    std::vector<MediumEvent> out;
    for (const auto& e : events)
        if (e.tag == tag) out.push_back(e);
    return out;
}

bool mayConcernLedger(const std::string& bytes) {
    return bytes.find("\"asset\":") != std::string::npos &&
           (entryKindStartsWith(bytes, "medium-") || entryHasKind(bytes, EntryKind::Erasure) ||
            entryKindStartsWith(bytes, "carry-"));
}

MediaSnapshot replayLedger(const Register& log, const std::string& before) {
    MediaSnapshot snapshot;
    log.forEach([&](uint64_t at, const std::string& bytes) {
        if (!mayConcernLedger(bytes)) return;
        EntryFields f = parseEntry(bytes);
        if (!before.empty() && entryText(f, "time") >= before) return;
        snapshot.apply(f, at);
    });
    return snapshot;
}

}  // namespace massho::records
