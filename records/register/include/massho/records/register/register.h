#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/database.h"
#include "massho/records/register/merkle.h"
#include "massho/records/register/note.h"
#include "massho/records/register/signing_key.h"
#include "massho/records/register/tree_store.h"

namespace massho::records {

// Supplies the key that signs the next checkpoint (loaded lazily by the Store).
using KeyProvider = std::function<const SigningKey&()>;

// The append-only register of canonical entries: a transparency log with an
// RFC 6962 Merkle tree and a C2SP tlog-checkpoint signed after every append. Indexes are dense
// and 0-based like c2sp.org/tlog-proof@v1 leaf indexes. The exact bytes are stored and returned;
// nothing is ever re-serialised.
class Register {
  public:
    explicit Register(Database& db);

    // The log's origin (= the key name) and the source of its signing key. Without them the
    // register can be read and proven from, not appended to.
    void setSigner(std::string origin, KeyProvider key);

    // Validates the bytes (parseEntry, plus v=1, kind, salt, time), appends them, extends the
    // tree and stores a new checkpoint signed by the current key (signed, then verified). Runs
    // inside the caller's transaction when one is open, so an entry, its checkpoint and the row
    // change it records commit or vanish together. Returns the new entry's index.
    uint64_t append(std::string_view entryBytes);
    // Group commit: appends every entry, each with its own signed checkpoint exactly as append()
    // does, in ONE transaction, so one fsync makes them all durable. All or nothing: a bad entry
    // or a failure appends none of them. Returns the first entry's index.
    uint64_t appendAll(const std::vector<std::string>& entries);

    uint64_t size() const;
    // The exact stored bytes; throws RecordsError for an index at or beyond size().
    std::string entry(uint64_t index) const;
    // Calls `visit(index, bytes)` for every entry in index order, from `first`.
    void forEach(const std::function<void(uint64_t, const std::string&)>& visit,
                 uint64_t first = 0) const;

    // Calls `visit(index, bytes)`, in index order, for the entries filed under `name` with a value
    // from `first` to `last` inclusive, compared as text (entry_keys.h): reads those entries
    // only. A file older than the key's schema version (8, or 10: keyFiledSince) opened
    // read-only (never migrated) lacks them: then every entry is read and filed on the fly, the
    // same answer slower.
    void forEachKeyed(std::string_view name, std::string_view first, std::string_view last,
                      const std::function<void(uint64_t, const std::string&)>& visit) const;

    // The stored signed checkpoint note for a tree size (default: the latest).
    std::string checkpoint(std::optional<uint64_t> size = std::nullopt) const;
    uint64_t checkpointCount() const;
    Hash root(uint64_t size) const { return tree_.root(size); }
    // c2sp.org/tlog-proof@v1 text for one entry against the latest checkpoint (or a given size).
    std::string proof(uint64_t index, std::optional<uint64_t> size = std::nullopt) const;
    std::vector<Hash> consistencyProof(uint64_t size1, uint64_t size2) const;
    // A C2SP tlog-witness add-checkpoint request body: "old <size>\n", the consistency proof from
    // `oldSize` to the latest checkpoint (one base64 hash per line), a blank line, the checkpoint.
    std::string witnessRequest(uint64_t oldSize) const;
    // The same for the stored checkpoint of `newSize` instead of the latest (a witness that must
    // first see the last checkpoint of a key before following its rotation).
    std::string witnessRequest(uint64_t oldSize, uint64_t newSize) const;
    // Evidence that the log itself rotated its key at `index` (a key-rotated entry), for a witness
    // that cosigned the tree of size index+1 (the last one signed by the old key):
    //   "massho-key-rotation/v1\n<index>\n<entry bytes>\n" then the inclusion proof of that
    //   entry in the tree of size index+1, one base64 hash per line.
    std::string keyRotationEvidence(uint64_t index) const;
    // Stores a witness cosignature line for the checkpoint of `size` after verifying it.
    void addCosignature(uint64_t size, const VerifierKey& witness, std::string_view line);
    // Stored cosignature lines per checkpoint size.
    std::vector<std::pair<uint64_t, std::string>> cosignatures() const;

    Database& database() const { return db_; }
    const TreeStore& tree() const { return tree_; }

  private:
    void catchUpTree(uint64_t size);
    void fileKeys(uint64_t index, std::string_view entryBytes);
    bool hasEntryKeys() const;
    // True when the file has every entry filed under `name` (entry_keys.h: keyFiledSince).
    bool hasKeysNamed(std::string_view name) const;
    // A statement prepared on first use and reset for reuse: appends are frequent, preparing
    // SQL is not free.
    Statement& cached(std::unique_ptr<Statement>& slot, std::string_view sql) const;

    Database& db_;
    TreeStore tree_;
    std::string origin_;
    KeyProvider key_;
    mutable std::unique_ptr<Statement> insertEntry_, insertCheckpoint_, size_, insertKey_;
    mutable std::optional<bool> hasEntryKeys_;
    mutable std::optional<int> schemaVersion_;
};

// Throws EntryFormatError unless `bytes` is a canonical entry with v=1 and string kind, salt
// (32 hex digits) and time fields.
EntryFields validateEntry(std::string_view bytes);

}  // namespace massho::records
