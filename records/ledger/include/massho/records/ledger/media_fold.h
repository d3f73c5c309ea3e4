#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/ledger/medium.h"
#include "massho/records/register/register.h"

namespace massho::records {

// The media ledger is a fold over the signed register: these entry kinds change a medium
// (each carries the medium's tag in "asset"):
//   medium-registered, medium-moved, medium-destroyed, medium-disposed,
//   medium-returned-to-lessor, erasure, carry-out, carry-in.
// Anything the ledger tables say can therefore be rebuilt, and checked, from the register alone.

// The tag of the medium an entry concerns, when it is one of the kinds above.
std::optional<std::string> ledgerTag(const EntryFields& entry);

// Applies one entry to its medium (`medium` is nullopt when the tag has no row yet: only a
// medium-registered entry creates one; an erasure of an unregistered tag changes nothing).
// Returns the history event, or nullopt when the entry does not concern a ledger medium.
std::optional<MediumEvent> applyToMedium(std::optional<Medium>& medium, const EntryFields& entry,
                                         uint64_t index);

// The whole ledger in memory.
struct MediaSnapshot {
    std::map<std::string, Medium> media;
    std::vector<MediumEvent> events;  // register order

    void apply(const EntryFields& entry, uint64_t index);
    std::vector<MediumEvent> history(const std::string& tag) const;
};

// Replays the register from the start; with `before` (RFC 3339 UTC), only entries whose time is
// earlier: the ledger as it stood then.
MediaSnapshot replayLedger(const Register& log, const std::string& before = "");

// Cheap test on the raw bytes before parsing: could this entry concern the ledger?
bool mayConcernLedger(const std::string& entryBytes);

}  // namespace massho::records
