#include "massho/records/register/register.h"

#include <algorithm>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/proof.h"

namespace massho::records {

EntryFields validateEntry(std::string_view bytes) {
    EntryFields fields = parseEntry(bytes);
    if (entryInteger(fields, "v") != 1)
        throw EntryFormatError("entry version \"v\" is not 1: this software writes version 1");
    entryString(fields, "kind");
    entryString(fields, "time");
    const std::string& salt = entryString(fields, "salt");
    if (salt.size() != 32 || salt.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw EntryFormatError("entry salt is not 32 lower-case hex digits (128 random bits)");
    return fields;
}

Register::Register(Database& db) : db_(db), tree_(db) {}

void Register::setSigner(std::string origin, KeyProvider key) {
    origin_ = std::move(origin);
    key_ = std::move(key);
}

void Register::catchUpTree(uint64_t size) {
    // A register written before the tree existed (schema 1) gets its leaves on the next append.
    for (uint64_t i = tree_.size(); i < size; ++i) tree_.appendLeaf(i, leafHash(entry(i)));
}

Statement& Register::cached(std::unique_ptr<Statement>& slot, std::string_view sql) const {
    if (!slot) slot = std::make_unique<Statement>(db_, sql);
    slot->reset();
    return *slot;
}

uint64_t Register::append(std::string_view entryBytes) {
    validateEntry(entryBytes);
    if (!key_)
        throw KeyError(
            "the register cannot be appended to without its signing key: open it "
            "through its data directory");
    const SigningKey& key = key_();
    Transaction tx(db_);
    uint64_t index = size();
    catchUpTree(index);
    Statement& insert = cached(insertEntry_, "INSERT INTO entries(idx, bytes) VALUES(?, ?)");
    insert.bind(1, static_cast<int64_t>(index)).bindBlob(2, entryBytes).run();
    insert.reset();
    fileKeys(index, entryBytes);
    tree_.appendLeaf(index, leafHash(entryBytes));
    Checkpoint checkpoint{origin_, index + 1, tree_.root(index + 1), {}};
    std::string note = signNote(checkpoint.body(), key);  // signs, then verifies
    Statement& store =
        cached(insertCheckpoint_, "INSERT INTO checkpoints(size, note) VALUES(?, ?)");
    store.bind(1, static_cast<int64_t>(index + 1)).bindBlob(2, note).run();
    store.reset();
    tx.commit();
    return index;
}

void Register::fileKeys(uint64_t index, std::string_view entryBytes) {
    // A file made with the ladder cut before version 8 (old_database_maker): its migration to 8
    // files what it holds.
    if (!hasEntryKeys()) return;
    for (const EntryKey& key : entryKeys(entryBytes)) {
        Statement& insert =
            cached(insertKey_, "INSERT INTO entry_keys(name, value, idx) VALUES(?, ?, ?)");
        insert.bind(1, key.name).bind(2, key.value).bind(3, static_cast<int64_t>(index)).run();
        insert.reset();
    }
}

bool Register::hasEntryKeys() const {
    if (!hasEntryKeys_) {
        Statement probe(db_,
                        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                        "name = 'entry_keys'");
        probe.step();
        hasEntryKeys_ = probe.integer(0) == 1;
    }
    return *hasEntryKeys_;
}

bool Register::hasKeysNamed(std::string_view name) const {
    if (!hasEntryKeys()) return false;
    if (!schemaVersion_) schemaVersion_ = db_.schemaVersion();
    return *schemaVersion_ >= keyFiledSince(name);
}

void Register::forEachKeyed(std::string_view name, std::string_view first, std::string_view last,
                            const std::function<void(uint64_t, const std::string&)>& visit) const {
    if (!hasKeysNamed(name)) {
        forEach([&](uint64_t index, const std::string& bytes) {
            for (const EntryKey& key : entryKeys(bytes))
                if (key.name == name && key.value >= first && key.value <= last) {
                    visit(index, bytes);
                    return;
                }
        });
        return;
    }
    // The keys first (a range of the primary key), then each entry by its index in order.
    const ReadTransaction reading(db_);
    std::vector<uint64_t> indexes;
    {
        Statement keys(db_, "SELECT idx FROM entry_keys WHERE name = ? AND value BETWEEN ? AND ?");
        keys.bind(1, name).bind(2, first).bind(3, last);
        while (keys.step()) indexes.push_back(static_cast<uint64_t>(keys.integer(0)));
    }
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    Statement select(db_, "SELECT bytes FROM entries WHERE idx = ?");
    for (uint64_t index : indexes) {
        select.reset();
        if (select.bind(1, static_cast<int64_t>(index)).step()) visit(index, select.blob(0));
    }
}

uint64_t Register::appendAll(const std::vector<std::string>& entries) {
    // Validate everything before the transaction: a bad entry then costs no signature.
    for (const std::string& e : entries) validateEntry(e);
    Transaction tx(db_);
    uint64_t first = size();
    for (const std::string& e : entries) append(e);
    tx.commit();
    return first;
}

uint64_t Register::size() const {
    // Dense 0-based indexes: the size is one past the largest index.
    Statement& count = cached(size_, "SELECT coalesce(max(idx) + 1, 0) FROM entries");
    count.step();
    uint64_t n = static_cast<uint64_t>(count.integer(0));
    count.reset();  // never keep a read snapshot open between calls
    return n;
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

std::string Register::checkpoint(std::optional<uint64_t> size) const {
    Statement select(db_, size ? "SELECT note FROM checkpoints WHERE size = ?"
                               : "SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1");
    if (size) select.bind(1, static_cast<int64_t>(*size));
    if (!select.step())
        throw RecordsError(size ? "register has no checkpoint for size " + std::to_string(*size)
                                : std::string("register has no checkpoint yet: append an entry"));
    return select.blob(0);
}

uint64_t Register::checkpointCount() const {
    Statement count(db_, "SELECT count(*) FROM checkpoints");
    count.step();
    return static_cast<uint64_t>(count.integer(0));
}

std::string Register::proof(uint64_t index, std::optional<uint64_t> size) const {
    std::string note = checkpoint(size);
    Checkpoint c = Checkpoint::parse(parseNote(note).body);
    if (index >= c.size)
        throw RecordsError("register has no entry " + std::to_string(index) + " in its tree of " +
                           std::to_string(c.size) + " entries; indexes start at 0");
    TlogProof proof{std::nullopt, index, tree_.inclusionProof(index, c.size), note};
    return proof.text();
}

std::vector<Hash> Register::consistencyProof(uint64_t size1, uint64_t size2) const {
    return tree_.consistencyProof(size1, size2);
}

std::string Register::witnessRequest(uint64_t oldSize) const {
    return witnessRequest(oldSize, size());
}

std::string Register::witnessRequest(uint64_t oldSize, uint64_t newSize) const {
    std::string note = checkpoint(newSize);
    Checkpoint c = Checkpoint::parse(parseNote(note).body);
    std::string out = "old " + std::to_string(oldSize) + "\n";
    for (const Hash& h : tree_.consistencyProof(oldSize, c.size))
        out += base::base64::encode(hashView(h)) + "\n";
    return out + "\n" + note;
}

std::string Register::keyRotationEvidence(uint64_t index) const {
    const std::string bytes = entry(index);
    if (!entryHasKind(bytes, EntryKind::KeyRotated))
        throw RecordsError("entry " + std::to_string(index) + " is not a key rotation");
    std::string out = "massho-key-rotation/v1\n" + std::to_string(index) + "\n" + bytes + "\n";
    for (const Hash& h : tree_.inclusionProof(index, index + 1))
        out += base::base64::encode(hashView(h)) + "\n";
    return out;
}

void Register::addCosignature(uint64_t size, const VerifierKey& witness, std::string_view line) {
    SignedNote note = parseNote(addSignatureLine(checkpoint(size), line));
    if (!verifyCosignature(note, witness))
        throw RecordsError("cosignature by \"" + witness.name() + "\" on checkpoint " +
                           std::to_string(size) + " does not verify: refusing to store it");
    Statement insert(db_,
                     "INSERT OR IGNORE INTO cosignatures(size, witness, line) VALUES(?, ?, ?)");
    insert.bind(1, static_cast<int64_t>(size)).bind(2, witness.vkey()).bind(3, line).run();
}

std::vector<std::pair<uint64_t, std::string>> Register::cosignatures() const {
    Statement select(db_, "SELECT size, line FROM cosignatures ORDER BY size, witness");
    std::vector<std::pair<uint64_t, std::string>> out;
    while (select.step())
        out.emplace_back(static_cast<uint64_t>(select.integer(0)), select.text(1));
    return out;
}

}  // namespace massho::records
