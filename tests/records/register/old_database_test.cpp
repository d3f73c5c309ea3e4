// The one schema ladder of massho.db (records/register/src/schema.cpp), tried on data directories
// that older builds left behind (old_databases/, see its README): this build must migrate each to
// the newest version, keep every entry and checkpoint byte for byte, still verify, and then use
// the tables the ladder added, whether or not an older build had created them on first use.
// Each test works on a copy: the committed files are never opened for writing.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/recipient_book.h"
#include "massho/records/people/store.h"
#include "massho/records/register/database.h"
#include "massho/records/register/verify.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

namespace fs = std::filesystem;
using massho::testsupport::TempDir;

namespace massho::records::test {
namespace {

const fs::path kOldDatabases = MASSHO_OLD_DATABASES;

// A committed data directory, copied into a fresh temporary folder (the key made private again:
// git does not keep modes, and the signing key refuses to load otherwise).
class OldCopy {
  public:
    explicit OldCopy(const std::string& name) {
        fs::copy(kOldDatabases / name, dir(), fs::copy_options::recursive);
        fs::permissions(dir() / Store::kKeyFile, fs::perms::owner_read | fs::perms::owner_write);
    }
    fs::path dir() const { return temp_ / "data"; }
    fs::path file() const { return dir() / Store::kDatabaseFile; }
    std::string vkey() const {
        std::string line = readFile((dir() / Store::kVkeyFile).string());
        return line.substr(0, line.find('\n'));
    }

  private:
    TempDir temp_;
};

std::vector<std::string> column(Database& db, const std::string& sql) {
    std::vector<std::string> out;
    Statement s(db, sql);
    while (s.step()) out.push_back(s.blob(0));
    return out;
}

std::vector<int> appliedVersions(Database& db) {
    std::vector<int> out;
    Statement s(db, "SELECT version FROM schema_version ORDER BY rowid");
    while (s.step()) out.push_back(static_cast<int>(s.integer(0)));
    return out;
}

std::vector<int> ladderVersions() {
    std::vector<int> out;
    for (const Migration& m : Database::migrations()) out.push_back(m.version);
    return out;
}

// Every table, index and trigger by name, with its SQL in one spacing: a table that an older
// build created on first use reads the same as the one the ladder creates on a new file exactly
// when its columns, types and constraints are the same.
std::map<std::string, std::string> schemaOf(const fs::path& file) {
    Database db(file, Database::Mode::ReadOnly);
    std::map<std::string, std::string> out;
    Statement s(db,
                "SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT "
                "LIKE 'sqlite_%'");
    while (s.step()) {
        std::string sql;  // runs of white space as one space, and none beside ( ) ,
        bool space = false;
        for (char c : s.text(1)) {
            if (c == ' ' || c == '\n' || c == '\t') {
                space = true;
                continue;
            }
            const bool tight = std::string_view("(),").find(c) != std::string_view::npos ||
                               (!sql.empty() &&
                                std::string_view("(),").find(sql.back()) != std::string_view::npos);
            if (space && !tight && !sql.empty()) sql.push_back(' ');
            space = false;
            sql.push_back(c);
        }
        out[s.text(0)] = sql;
    }
    return out;
}

std::string sha256Hex(std::string_view text) {
    unsigned char digest[32];
    unsigned int length = 0;
    EXPECT_EQ(EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr), 1);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < length; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 15]);
    }
    return out;
}

NewMedium newDisk(const std::string& tag) {
    NewMedium m;
    m.tag = tag;
    m.infoClass = 2;
    m.mediaType = "hdd";
    m.model = "ACME 500";
    m.serial = "SN-" + tag;
    m.section = "Tax";
    m.location = "Vault B";
    return m;
}

TEST(SchemaLadder, AFreshFileListsEveryMigrationInOrder) {
    const std::vector<int> ladder = ladderVersions();
    for (size_t i = 0; i < ladder.size(); ++i)
        EXPECT_EQ(ladder[i], static_cast<int>(i) + 1) << "the ladder has a gap or is out of order";
    TempDir dir;
    Database db(dir / "massho.db", Database::Mode::Create);
    EXPECT_EQ(appliedVersions(db), ladder);
    EXPECT_EQ(db.schemaVersion(), ladder.back());
}

// Data directories in the field were made by these texts: editing one (even its white space)
// would make a new file differ from an upgraded one. Change the schema with a new migration.
TEST(SchemaLadder, ShippedMigrationsAreUnchanged) {
    const std::vector<std::string> shipped = {
        "05caee6f6e0090488ac3465146907e078252154ee37bb171204dc32a58765a0b",
        "c4df473db8e8df5dc95aa6c365689d9b317bba1f9f8c02698a36e277ec8b3dda",
        "48e0d948bd3732f6ab463bf473aca54e2bf3d5f32efe5168a3a6f9a4007968db",
        "20473b2e3108853eb7c0342d1ba11d97999e28847003397c6586446061719292",
    };
    const auto& ladder = Database::migrations();
    ASSERT_GE(ladder.size(), shipped.size());
    for (size_t i = 0; i < shipped.size(); ++i)
        EXPECT_EQ(sha256Hex(ladder[i].sql), shipped[i]) << "migration v" << ladder[i].version;
}

struct Old {
    std::string name;
    int version;
    bool tablesOfFirstUse;  // the old build had created the recipients and media tables
};

void PrintTo(const Old& old, std::ostream* out) {
    *out << old.name;
}

class OldDatabase : public ::testing::TestWithParam<Old> {};

TEST_P(OldDatabase, MigratesToTheNewestVersionKeepingEveryEntryAndStillVerifies) {
    OldCopy old(GetParam().name);
    std::vector<std::string> entries, checkpoints;
    {
        Database before(old.file(), Database::Mode::ReadOnly);
        ASSERT_EQ(before.schemaVersion(), GetParam().version) << "the fixture is not what it says";
        entries = column(before, "SELECT bytes FROM entries ORDER BY idx");
        checkpoints = column(before, "SELECT note FROM checkpoints ORDER BY size");
    }
    ASSERT_FALSE(entries.empty());

    {
        Store store = Store::open(old.dir());
        EXPECT_EQ(store.database().schemaVersion(), Database::migrations().back().version);
        EXPECT_EQ(appliedVersions(store.database()), ladderVersions());
        EXPECT_EQ(column(store.database(), "SELECT bytes FROM entries ORDER BY idx"), entries);
        EXPECT_EQ(column(store.database(), "SELECT note FROM checkpoints ORDER BY size"),
                  checkpoints);
    }
    VerifyOptions trust;
    trust.trustedVkeys = {old.vkey()};
    const VerifyReport report = verifyRegister(old.dir(), trust);
    EXPECT_TRUE(report.ok) << report.text();
    EXPECT_EQ(report.entries, entries.size());
}

TEST_P(OldDatabase, EndsWithTheSchemaOfANewFile) {
    OldCopy old(GetParam().name);
    { Store store = Store::open(old.dir()); }
    TempDir fresh;
    { Database db(fresh / "massho.db", Database::Mode::Create); }
    const auto migrated = schemaOf(old.file()), expected = schemaOf(fresh / "massho.db");
    for (const auto& [name, sql] : expected) {
        auto it = migrated.find(name);
        ASSERT_NE(it, migrated.end()) << name << " is missing";
        EXPECT_EQ(it->second, sql) << name << " differs from a new file's";
    }
    EXPECT_EQ(migrated.size(), expected.size()) << "the migrated file has more than a new one";
}

TEST_P(OldDatabase, TheTablesTheLadderAddedAreUsable) {
    OldCopy old(GetParam().name);
    uint64_t entriesBefore = 0;
    {
        Store store = Store::open(old.dir());
        entriesBefore = store.signedRegister().size();
        MediaLedger ledger(store.database(), store.signedRegister());
        RecipientBook book(store.database(), store.signedRegister());
        if (GetParam().tablesOfFirstUse) {  // what the old build kept is still there
            EXPECT_TRUE(ledger.find("HDD-OLD-1").has_value());
            EXPECT_TRUE(book.find("kuyakusho-kita").has_value());
        }
        ledger.add(newDisk("HDD-NEW-1"), "admin");
        EXPECT_EQ(ledger.find("HDD-NEW-1").value().serial, "SN-HDD-NEW-1");
        book.add(
            {"kuyakusho-minami", "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
             "92e369926e5f2443edd84b44be26381c6014f5ede9a328d4655edb8d74df233a", "", "", ""},
            "admin");
        EXPECT_TRUE(book.find("kuyakusho-minami").has_value());
        // The statements of massho::operations::JobJournal (appliance/operations/job_journal.cpp).
        Statement(store.database(),
                  "INSERT INTO erasure_jobs(started_entry, pid, boot_id, device) VALUES(?,?,?,?)")
            .bind(1, int64_t{0})
            .bind(2, int64_t{1})
            .bind(3, "boot")
            .bind(4, "/dev/sdz")
            .run();
        Statement(store.database(), "DELETE FROM erasure_jobs WHERE started_entry = ?")
            .bind(1, int64_t{0})
            .run();
    }
    VerifyOptions trust;
    trust.trustedVkeys = {old.vkey()};
    const VerifyReport report = verifyRegister(old.dir(), trust);
    EXPECT_TRUE(report.ok) << report.text();
    EXPECT_EQ(report.entries, entriesBefore + 2);  // medium-registered, recipient-added
}

// A read-only open (an audit, `massho register verify`) must not migrate: the file stays at its
// version, and what it lacks reads as empty.
TEST_P(OldDatabase, AReadOnlyOpenLeavesTheFileAtItsVersion) {
    OldCopy old(GetParam().name);
    {
        Store store = Store::open(old.dir(), Store::Access::ReadOnly);
        RecipientBook book(store.database(), store.signedRegister());
        EXPECT_EQ(book.list().size(), GetParam().tablesOfFirstUse ? 1u : 0u);
        MediaLedger ledger(store.database(), store.signedRegister());
        EXPECT_EQ(ledger.list().size(), GetParam().tablesOfFirstUse ? 1u : 0u);
    }
    Database after(old.file(), Database::Mode::ReadOnly);
    EXPECT_EQ(after.schemaVersion(), GetParam().version);
}

INSTANTIATE_TEST_SUITE_P(Files, OldDatabase,
                         ::testing::Values(Old{"massho_v2", 2, false},
                                           Old{"massho_v3_with_tables", 3, true},
                                           Old{"massho_v4", 4, false},
                                           Old{"massho_v4_with_tables", 4, true}),
                         [](const ::testing::TestParamInfo<Old>& file) { return file.param.name; });

}  // namespace
}  // namespace massho::records::test
