#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "massho/records/people/store.h"
#include "massho/records/people/users.h"
#include "massho/records/register/canonical_json.h"

namespace massho::operations {

// What a records officer or an auditor looks for in the register (the kiosk's register view):
// a period of Japan-time days, a medium's serial, an asset tag, or a tag or serial within a
// period. Reading records nothing; it is not an Operation, but who may read is checked here as
// an operation checks it, so every front-end asks the same rule.
struct RegisterQuery {
    std::optional<std::string> from, to;  // YYYY-MM-DD (JST), inclusive; both or neither
    std::optional<std::string> serial;
    std::optional<std::string> asset;
};

struct RegisterHit {
    uint64_t index = 0;
    records::EntryFields fields;
    uint64_t certificates = 0;  // certificate-issued entries for it (erasures, destructions)
};

// One page of hits, newest first, and how many there are in all.
struct RegisterPage {
    std::vector<RegisterHit> hits;
    uint64_t total = 0;
};

// Bounds that keep one question cheap: a period reads the erasures it holds (through the
// register's erasure-ended keys), so it may span a year at most; a page is at most 50 hits.
inline constexpr int kMaxSearchDays = 366;
inline constexpr uint32_t kMaxSearchPage = 50;

// The hits for `query`, through the indexed read paths only: a period through the erasure-ended
// entry keys (erasures), a tag or a serial through the media ledger (every entry of the medium's
// history). Throws OperationError: BadInput for a query without a period, serial or tag, a
// malformed or too long period, a page over kMaxSearchPage; NotAuthorizedError unless `person`
// is a records officer or an auditor.
RegisterPage searchRegister(records::Store& store, const records::User& person,
                            const RegisterQuery& query, uint64_t offset, uint32_t limit);

}  // namespace massho::operations
