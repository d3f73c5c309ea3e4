// What the register files each entry under (entry_keys.h, schema versions 8 and 10): every append
// files its keys, the migration files the entries an older file already holds by the same rules,
// and a lookup reads the entries it answers with, not the register.
#include "massho/records/register/entry_keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "massho/records/register/errors.h"
#include "massho/records/register/register.h"
#include "massho/records/register/signing_key.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

namespace massho::records::test {
namespace {

using massho::testsupport::TempDir;
using Row = std::tuple<std::string, std::string, int64_t>;

const SigningKey& testKey() {
    static const SigningKey key = SigningKey::generate("test.example/keys");
    return key;
}

void sign(Register& log) {
    log.setSigner("test.example/keys", []() -> const SigningKey& { return testKey(); });
}

std::string erasure(const std::string& ended, const std::string& request = "") {
    EntryBuilder e("erasure", fixedClock());
    e.set("asset", "PC-1").set("result", "erased").set("ended", ended);
    if (!request.empty()) e.set("request", request);
    return e.finish();
}

std::string certificateFor(int64_t entry) {
    return EntryBuilder("certificate-issued", fixedClock()).set("entry", entry).finish();
}

std::string other() {
    return EntryBuilder("medium-moved", fixedClock()).set("asset", "PC-1").finish();
}

std::string carryOut(const std::string& result, const std::string& serial,
                     const std::string& volume) {
    EntryBuilder e("carry-out", fixedClock());
    e.set("asset", "USB-1").set("result", result).set("device_serial", serial);
    return e.set("volume_id", volume).finish();
}

std::string carryIn(int64_t carryOutIndex) {
    return EntryBuilder("carry-in", fixedClock()).set("carry_out_index", carryOutIndex).finish();
}

// A register whose entries have every kind of key, and entries with none (or a key field of the
// wrong type, or text that JSON escapes), appended in that order.
std::vector<std::string> mixedEntries() {
    return {other(),
            erasure("2026-03-01T14:59:59Z", "REQ-000001"),
            certificateFor(1),
            erasure("2026-03-01T15:00:00Z"),
            certificateFor(1),
            EntryBuilder("certificate-issued", fixedClock()).set("entry", "3").finish(),
            EntryBuilder("erasure", fixedClock()).set("ended", int64_t{7}).finish(),
            erasure("2026-03-02T00:00:00Z", "REQ-\"quoted\" é"),
            other(),
            carryOut("written", "SN-1", "1A2B-3C4D"),        // 9
            carryOut("failed", "SN-1", "1A2B-3C4D"),         // 10
            carryIn(9),                                      // 11
            carryOut("written", "", "5E6F-7A8B"),            // 12
            EntryBuilder("carry-out-started", fixedClock())  // 13: not a carry-out
                .set("device_serial", "SN-1")
                .finish(),
            EntryBuilder("carry-in-refused", fixedClock())  // 14: not a carry-in
                .set("carry_out_index", int64_t{9})
                .finish(),
            EntryBuilder("carry-in", fixedClock()).set("carry_out_index", "12").finish(),
            EntryBuilder("carry-out", fixedClock()).set("device_serial", int64_t{1}).finish(),
            carryIn(12)};  // 17
}

std::vector<uint64_t> keyed(const Register& log, const std::string& name, const std::string& first,
                            const std::string& last) {
    std::vector<uint64_t> out;
    log.forEachKeyed(name, first, last,
                     [&](uint64_t index, const std::string&) { out.push_back(index); });
    return out;
}

std::vector<Row> keyRows(Database& db) {
    std::vector<Row> out;
    Statement s(db, "SELECT name, value, idx FROM entry_keys ORDER BY name, value, idx");
    while (s.step()) out.emplace_back(s.text(0), s.text(1), s.integer(2));
    return out;
}

// What entryKeys() files for each entry of `log`: the rows an append writes.
std::vector<Row> expectedRows(const Register& log) {
    std::vector<Row> out;
    log.forEach([&](uint64_t index, const std::string& bytes) {
        for (const EntryKey& k : entryKeys(bytes))
            out.emplace_back(k.name, k.value, static_cast<int64_t>(index));
    });
    std::sort(out.begin(), out.end());
    return out;
}

void expectTheMixedAnswers(const Register& log) {
    EXPECT_EQ(keyed(log, entry_key::CertificateFor, "1", "1"), (std::vector<uint64_t>{2, 4}));
    EXPECT_TRUE(keyed(log, entry_key::CertificateFor, "3", "3").empty()) << "text, not an index";
    EXPECT_EQ(keyed(log, entry_key::ErasureEnded, "2026-03-01", "2026-03-01~"),
              (std::vector<uint64_t>{1, 3}));
    EXPECT_EQ(keyed(log, entry_key::ErasureEnded, "2026-03-01T15:00:00Z", "2026-03-02~"),
              (std::vector<uint64_t>{3, 7}));
    EXPECT_EQ(keyed(log, entry_key::ErasureRequest, "REQ-\"quoted\" é", "REQ-\"quoted\" é"),
              (std::vector<uint64_t>{7}));
    EXPECT_EQ(keyed(log, entry_key::CarryOutSerial, "SN-1", "SN-1"),
              (std::vector<uint64_t>{9, 10}));
    EXPECT_EQ(keyed(log, entry_key::CarryOutSerial, "", ""), (std::vector<uint64_t>{12}));
    EXPECT_TRUE(keyed(log, entry_key::CarryOutSerial, "1", "1").empty()) << "an integer serial";
    EXPECT_EQ(keyed(log, entry_key::CarryOutVolume, "5E6F-7A8B", "5E6F-7A8B"),
              (std::vector<uint64_t>{12}));
    EXPECT_EQ(keyed(log, entry_key::CarryInFor, "9", "9"), (std::vector<uint64_t>{11}));
    EXPECT_EQ(keyed(log, entry_key::CarryInFor, "12", "12"), (std::vector<uint64_t>{17}));
}

TEST(EntryKeys, EveryAppendFilesItsKeysAndALookupReadsOnlyItsAnswer) {
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    Register log(db);
    sign(log);
    for (const auto& e : mixedEntries()) log.append(e);
    for (int k = 0; k < 300; ++k) log.append(other());  // the register grows, the answers do not
    EXPECT_EQ(keyRows(db), expectedRows(log));
    expectTheMixedAnswers(log);

    const ReadWork before = db.work();
    EXPECT_EQ(keyed(log, entry_key::CertificateFor, "1", "1").size(), 2u);
    EXPECT_EQ(db.work().rows - before.rows, 4u) << "two keys, then their two entries";
    EXPECT_EQ(db.work().fullScanSteps, before.fullScanSteps);
}

// The file of a build before version 8: the migration files what it holds exactly as appends
// would have, and adds the indexes by state; opened read-only (never migrated) it gives the same
// answers by reading every entry.
TEST(EntryKeys, AVersion7FileIsFiledByTheMigrationAsAppendsWouldHave) {
    TempDir dir;
    const std::vector<Migration> v7(Database::migrations().begin(),
                                    Database::migrations().begin() + 7);
    {
        Database old(dir / "massho.db", Database::Mode::Create, v7);
        Register log(old);
        sign(log);
        for (const auto& e : mixedEntries()) log.append(e);
    }
    {
        Database readOnly(dir / "massho.db", Database::Mode::ReadOnly);
        EXPECT_EQ(readOnly.schemaVersion(), 7);
        expectTheMixedAnswers(Register(readOnly));
    }
    Database db(dir / "massho.db", Database::Mode::ReadWrite);
    ASSERT_GE(db.schemaVersion(), 8);
    Register log(db);
    EXPECT_EQ(keyRows(db), expectedRows(log));
    EXPECT_FALSE(keyRows(db).empty());
    expectTheMixedAnswers(log);
    Statement indexes(db,
                      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                      "('media_by_state', 'requests_by_state')");
    indexes.step();
    EXPECT_EQ(indexes.integer(0), 2);
    // Filed keys are append-only like the entries they point at.
    EXPECT_THROW(db.exec("DELETE FROM entry_keys"), DatabaseError);
}

// The file of a version 9 build, which filed no carry-out or carry-in keys: read-only (never
// migrated) it answers by reading every entry; the migration to 10 files them as appends would
// have, and adds the request list's index.
TEST(EntryKeys, AVersion9FileGetsItsCarryKeysFromTheMigration) {
    TempDir dir;
    const std::vector<Migration> v9(Database::migrations().begin(),
                                    Database::migrations().begin() + 9);
    {
        Database old(dir / "massho.db", Database::Mode::Create, v9);
        Register log(old);
        sign(log);
        for (const auto& e : mixedEntries()) log.append(e);
        // This build's appends filed the new keys too; a version 9 build did not.
        old.exec(
            "DROP TRIGGER entry_keys_no_delete; DELETE FROM entry_keys WHERE name IN "
            "('carry-out-serial', 'carry-out-volume', 'carry-in-for')");
    }
    {
        Database readOnly(dir / "massho.db", Database::Mode::ReadOnly);
        EXPECT_EQ(readOnly.schemaVersion(), 9);
        expectTheMixedAnswers(Register(readOnly));
    }
    Database db(dir / "massho.db", Database::Mode::ReadWrite);
    ASSERT_GE(db.schemaVersion(), 10);
    Register log(db);
    EXPECT_EQ(keyRows(db), expectedRows(log));
    expectTheMixedAnswers(log);
    Statement index(db,
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = "
                    "'requests_listing'");
    index.step();
    EXPECT_EQ(index.integer(0), 1);

    const ReadWork before = db.work();
    EXPECT_EQ(keyed(log, entry_key::CarryInFor, "9", "9").size(), 1u);
    EXPECT_EQ(db.work().rows - before.rows, 2u) << "one key, then its entry";
    EXPECT_EQ(db.work().fullScanSteps, before.fullScanSteps);
}

}  // namespace
}  // namespace massho::records::test
