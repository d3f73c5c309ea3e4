#include "massho/records/register.h"

#include "massho/records/canonical_json.h"
#include "massho/records/errors.h"

namespace massho::records {

void validateEntry(std::string_view bytes) {
    EntryFields fields = parseEntry(bytes);
    if (entryInteger(fields, "v") != 1)
        throw EntryFormatError("entry version \"v\" is not 1: this software writes version 1");
    entryString(fields, "kind");
    entryString(fields, "time");
    const std::string& salt = entryString(fields, "salt");
    if (salt.size() != 32 || salt.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw EntryFormatError("entry salt is not 32 lower-case hex digits (128 random bits)");
}

Register::Register(Database& db) : db_(db) {}

uint64_t Register::append(std::string_view entryBytes) {
    validateEntry(entryBytes);
    Transaction tx(db_);
    uint64_t index = size();
    Statement insert(db_, "INSERT INTO entries(idx, bytes) VALUES(?, ?)");
    insert.bind(1, static_cast<int64_t>(index)).bindBlob(2, entryBytes).run();
    tx.commit();
    return index;
}

uint64_t Register::size() const {
    // Dense 0-based indexes: the size is one past the largest index.
    Statement count(db_, "SELECT coalesce(max(idx) + 1, 0) FROM entries");
    count.step();
    return static_cast<uint64_t>(count.integer(0));
}

std::string Register::entry(uint64_t index) const {
    Statement select(db_, "SELECT bytes FROM entries WHERE idx = ?");
    if (index > static_cast<uint64_t>(INT64_MAX) ||
        !select.bind(1, static_cast<int64_t>(index)).step())
        throw RecordsError("register has no entry " + std::to_string(index) + " (it holds " +
                           std::to_string(size()) + "; indexes start at 0)");
    return select.blob(0);
}

void Register::forEach(const std::function<void(uint64_t, const std::string&)>& visit,
                       uint64_t first) const {
    Statement select(db_, "SELECT idx, bytes FROM entries WHERE idx >= ? ORDER BY idx");
    select.bind(1, static_cast<int64_t>(first));
    while (select.step()) visit(static_cast<uint64_t>(select.integer(0)), select.blob(1));
}

}  // namespace massho::records
