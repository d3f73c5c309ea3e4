#include "massho/records/people/recipient_book.h"

#include <algorithm>

#include "massho/base/reason.h"
#include "massho/records/people/users.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/text_field.h"

namespace massho::records {
namespace {

// The table is the ladder's (schema.cpp, version 5), but a read-only open does not migrate: a
// file last written by a build older than the table has none, and then no recipients either.
bool tableExists(Database& db) {
    Statement s(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='recipients'");
    return s.step();
}

RecipientKey readRow(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}

constexpr const char* kSelect =
    "SELECT name, public_key, fingerprint, label, added, added_by FROM recipients";

}  // namespace

RecipientBook::RecipientBook(Database& db, Register& log) : db_(db), register_(log) {}

RecipientKey RecipientBook::add(const RecipientKey& key, const std::string& byAdmin) {
    if (!isValidUserId(key.name))
        throw base::withReason(
            UserError("recipient name \"" + key.name.substr(0, 40) +
                      "\" is invalid: use 1-32 of a-z 0-9 . _ - starting with a letter or digit"),
            "recipient.invalid-name", {key.name.substr(0, 40)});
    if (key.publicKey.empty() || key.fingerprint.empty())
        throw UserError("a recipient needs its age1… public key");
    std::string label = key.label.empty() ? key.name : key.label;
    requireText("--label", label, TextKind::Line);
    Transaction tx(db_);
    if (find(key.name))
        throw base::withReason(
            UserError("recipient \"" + key.name + "\" already exists: remove it first"),
            "recipient.exists", {key.name});
    RecipientKey stored = key;
    stored.label = label;
    stored.added = formatRfc3339(std::chrono::system_clock::now());
    stored.addedBy = byAdmin;
    Statement insert(db_,
                     "INSERT INTO recipients(name, public_key, fingerprint, label, added, "
                     "added_by) VALUES(?, ?, ?, ?, ?, ?)");
    insert.bind(1, stored.name).bind(2, stored.publicKey).bind(3, stored.fingerprint);
    insert.bind(4, stored.label).bind(5, stored.added).bind(6, stored.addedBy).run();
    EntryBuilder entry(EntryKind::RecipientAdded);
    entry.set("name", stored.name).set("label", stored.label).set("public_key", stored.publicKey);
    entry.set("fingerprint", stored.fingerprint).set("by", byAdmin);
    register_.append(entry.finish());
    tx.commit();
    return stored;
}

void RecipientBook::remove(const std::string& name, const std::string& byAdmin) {
    Transaction tx(db_);
    auto existing = find(name);
    if (!existing)
        throw base::withReason(
            UserError("no recipient \"" + name.substr(0, 40) + "\": see massho recipients list"),
            "recipient.unknown", {name.substr(0, 40)});
    Statement del(db_, "DELETE FROM recipients WHERE name = ?");
    del.bind(1, name).run();
    EntryBuilder entry(EntryKind::RecipientRemoved);
    entry.set("name", name).set("fingerprint", existing->fingerprint).set("by", byAdmin);
    register_.append(entry.finish());
    tx.commit();
}

std::optional<RecipientKey> RecipientBook::find(const std::string& name) const {
    if (!tableExists(db_)) return std::nullopt;
    Statement s(db_, std::string(kSelect) + " WHERE name = ?");
    if (!s.bind(1, name).step()) return std::nullopt;
    return readRow(s);
}

std::vector<RecipientKey> RecipientBook::list() const {
    std::vector<RecipientKey> out;
    if (!tableExists(db_)) return out;
    Statement s(db_, std::string(kSelect) + " ORDER BY name");
    while (s.step()) out.push_back(readRow(s));
    return out;
}

}  // namespace massho::records
