#include "massho/records/register/register.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/merkle.h"
#include "massho/records/register/note.h"
#include "massho/records/register/signing_key.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

using namespace massho::records;
using massho::testsupport::TempDir;

namespace {

std::string pragma(Database& db, const std::string& name) {
    Statement s(db, "PRAGMA " + name);
    s.step();
    return s.text(0);
}

// Runs SQL through the raw sqlite3 API (as a careless tool would) and returns SQLite's message.
std::string rawExec(const std::string& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    char* message = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    std::string result = rc == SQLITE_OK ? "ok" : (message ? message : "error");
    sqlite3_free(message);
    sqlite3_close(db);
    return result;
}

}  // namespace

TEST(Database, SetsWalSynchronousFullAndSchemaVersion) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    EXPECT_EQ(pragma(db, "journal_mode"), "wal");
    EXPECT_EQ(pragma(db, "synchronous"), "2");  // FULL
    EXPECT_EQ(pragma(db, "foreign_keys"), "1");
    EXPECT_EQ(pragma(db, "trusted_schema"), "0");
    int defensive = -1;
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
    EXPECT_EQ(defensive, 1);
    EXPECT_EQ(db.schemaVersion(), Database::migrations().back().version);
}

TEST(Database, ReopenKeepsSchemaAndSetsSynchronousAgain) {
    TempDir dir;
    { Database db(dir / "massho.db", Database::Mode::Create); }
    Database again(dir / "massho.db", Database::Mode::ReadWrite);
    EXPECT_EQ(pragma(again, "synchronous"), "2");
    EXPECT_EQ(again.schemaVersion(), Database::migrations().back().version);
}

TEST(Database, RefusesNewerSchema) {
    TempDir dir;
    { Database db(dir / "massho.db", Database::Mode::Create); }
    EXPECT_EQ(
        rawExec((dir / "massho.db").string(), "INSERT INTO schema_version(version) VALUES(999)"),
        "ok");
    try {
        Database db(dir / "massho.db", Database::Mode::ReadWrite);
        FAIL() << "opened a newer schema";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("upgrade massho"), std::string::npos) << e.what();
    }
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
    {
        Transaction tx(db);
        log.append(EntryBuilder("a").finish());
    }
    EXPECT_EQ(log.size(), 0u);
    {
        Transaction outer(db);
        log.append(EntryBuilder("a").finish());
        {
            Transaction inner(db);
            log.append(EntryBuilder("b").finish());
        }  // inner rolled back alone
        outer.commit();
    }
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(entryString(parseEntry(log.entry(0)), "kind"), "a");
}

TEST(Register, AppendsExactBytesWithDenseIndexes) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
    std::vector<std::string> written;
    for (int i = 0; i < 5; ++i) {
        written.push_back(EntryBuilder("test").set("n", int64_t{i}).set("text", "日本\n").finish());
        EXPECT_EQ(log.append(written.back()), static_cast<uint64_t>(i));
    }
    EXPECT_EQ(log.size(), 5u);
    for (uint64_t i = 0; i < 5; ++i) EXPECT_EQ(log.entry(i), written[i]);
    std::vector<uint64_t> seen;
    log.forEach([&](uint64_t index, const std::string& bytes) {
        seen.push_back(index);
        EXPECT_EQ(bytes, written[index]);
    });
    EXPECT_EQ(seen, (std::vector<uint64_t>{0, 1, 2, 3, 4}));
}

TEST(Register, BadIndexSaysWhatExists) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
    log.append(EntryBuilder("x").finish());
    try {
        log.entry(1);
        FAIL();
    } catch (const RecordsError& e) {
        EXPECT_STREQ(e.what(), "register has no entry 1 (it holds 1; indexes start at 0)");
    }
}

TEST(Register, RefusesNonCanonicalOrIncompleteEntries) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
    EXPECT_THROW(log.append(R"({"kind": "x"})"), EntryFormatError);
    EXPECT_THROW(log.append(R"({"kind":"x","v":1})"), EntryFormatError);  // no salt/time
    std::string v2 = EntryBuilder("x").set("v", int64_t{2}).finish();
    EXPECT_THROW(log.append(v2), EntryFormatError);
    EXPECT_EQ(log.size(), 0u);
}

TEST(Register, TriggersRefuseUpdateAndDelete) {
    TempDir dir;
    std::string file = (dir / "massho.db").string();
    {
        Database db(file, Database::Mode::Create);
        Register log(db);
        SigningKey key = SigningKey::generate("test.example/log");
        log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
        log.append(EntryBuilder("x").finish());
    }
    EXPECT_NE(rawExec(file, "UPDATE entries SET bytes = x'00' WHERE idx = 0")
                  .find("register entries cannot be changed"),
              std::string::npos);
    EXPECT_NE(rawExec(file, "DELETE FROM entries").find("register entries cannot be deleted"),
              std::string::npos);
    Database db(file, Database::Mode::ReadWrite);
    EXPECT_EQ(Register(db).size(), 1u);
}

TEST(Register, RefusesToAppendWithoutItsKey) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    EXPECT_THROW(log.append(EntryBuilder("x").finish()), KeyError);
    EXPECT_EQ(log.size(), 0u);
}

TEST(Register, EveryAppendStoresASignedCheckpointOfTheNewTree) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
    CompactRange expected;
    for (int i = 0; i < 7; ++i) {
        std::string e = EntryBuilder("x").set("n", int64_t{i}).finish();
        log.append(e);
        expected.append(leafHash(e));
        SignedNote note = parseNote(log.checkpoint());
        EXPECT_TRUE(note.signedBy(key.verifierKey()));
        Checkpoint c = Checkpoint::parse(note.body);
        EXPECT_EQ(c.origin, "test.example/log");
        EXPECT_EQ(c.size, static_cast<uint64_t>(i + 1));
        EXPECT_EQ(c.root, expected.root());
    }
    EXPECT_EQ(log.checkpointCount(), 7u);
    EXPECT_EQ(log.checkpoint(3), log.checkpoint(std::optional<uint64_t>(3)));
    EXPECT_NE(
        rawExec((dir / "massho.db").string(), "DELETE FROM checkpoints").find("cannot be deleted"),
        std::string::npos);
    EXPECT_NE(rawExec((dir / "massho.db").string(), "UPDATE tree_nodes SET hash = hash")
                  .find("cannot be changed"),
              std::string::npos);
}

TEST(Register, AppendAllGivesEveryEntryItsOwnCheckpointInOneTransaction) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    log.setSigner("test.example/log", [&]() -> const SigningKey& { return key; });
    log.append(EntryBuilder("x").set("n", int64_t{0}).finish());
    std::vector<std::string> batch;
    for (int i = 1; i <= 4; ++i) batch.push_back(EntryBuilder("x").set("n", int64_t{i}).finish());
    EXPECT_EQ(log.appendAll(batch), 1u);
    EXPECT_EQ(log.size(), 5u);
    EXPECT_EQ(log.checkpointCount(), 5u);
    CompactRange expected;
    expected.append(leafHash(log.entry(0)));
    for (uint64_t size = 2; size <= 5; ++size) {
        EXPECT_EQ(log.entry(size - 1), batch[size - 2]);
        expected.append(leafHash(batch[size - 2]));
        SignedNote note = parseNote(log.checkpoint(size));
        EXPECT_TRUE(note.signedBy(key.verifierKey()));
        EXPECT_EQ(Checkpoint::parse(note.body).root, expected.root());
    }
    // All or nothing: one bad entry in the batch appends none of them.
    std::vector<std::string> bad{EntryBuilder("x").finish(), R"({"kind": "x"})"};
    EXPECT_THROW(log.appendAll(bad), EntryFormatError);
    EXPECT_EQ(log.size(), 5u);
    EXPECT_EQ(log.checkpointCount(), 5u);
    EXPECT_EQ(log.tree().size(), 5u);
}

TEST(Register, AppendAllIsAtomicWhenItFailsHalfway) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    SigningKey key = SigningKey::generate("test.example/log");
    int signatures = 0;
    // The key provider fails on the third entry: the two signed before it must vanish too.
    log.setSigner("test.example/log", [&]() -> const SigningKey& {
        if (++signatures == 3) throw KeyError("key store unavailable");
        return key;
    });
    std::vector<std::string> batch;
    batch.reserve(4);
    for (int i = 0; i < 4; ++i) batch.push_back(EntryBuilder("x").set("n", int64_t{i}).finish());
    EXPECT_THROW(log.appendAll(batch), KeyError);
    EXPECT_EQ(log.size(), 0u);
    EXPECT_EQ(log.checkpointCount(), 0u);
    EXPECT_EQ(log.tree().size(), 0u);
    EXPECT_EQ(log.appendAll(batch), 0u);  // and the register is usable afterwards
    EXPECT_EQ(log.size(), 4u);
}
