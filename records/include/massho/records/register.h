#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "massho/records/database.h"

namespace massho::records {

// The append-only log of canonical entries (DESIGN.md "Register"). Indexes are dense and 0-based
// like c2sp.org/tlog-proof@v1 leaf indexes. The exact bytes are stored and returned; nothing is
// ever re-serialised.
class Register {
  public:
    explicit Register(Database& db);

    // Validates the bytes (parseEntry, plus the fields every entry carries: v=1, kind, salt,
    // time) and appends them. Runs inside the caller's transaction when one is open, so an entry
    // and the row change it records commit or vanish together. Returns the new entry's index.
    uint64_t append(std::string_view entryBytes);

    uint64_t size() const;
    // The exact stored bytes; throws RecordsError for an index at or beyond size().
    std::string entry(uint64_t index) const;
    // Calls `visit(index, bytes)` for every entry in index order, from `first`.
    void forEach(const std::function<void(uint64_t, const std::string&)>& visit,
                 uint64_t first = 0) const;

    Database& database() const { return db_; }

  private:
    Database& db_;
};

// Throws EntryFormatError unless `bytes` is a canonical entry with v=1 and string kind, salt
// (32 hex digits) and time fields.
void validateEntry(std::string_view bytes);

}  // namespace massho::records
