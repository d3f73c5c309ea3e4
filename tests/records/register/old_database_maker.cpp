// Writes the data directories of old_databases/ (see the README there): what `massho init` and a
// few commands of an older build left behind, at an older schema version. Directories that exist
// are kept: run it to add one (and delete one first to make it again).
//
//   records_old_database_maker tests/records/register/old_databases
//
// Each file is made by this build's code with the ladder cut at the old version: migrations that
// shipped are never edited (old_database_test.cpp pins v1-v4), so v1..vN here are the SQL the
// build of version N ran. What older builds created on first use, outside the ladder, is run
// below with their exact SQL.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/recipient_book.h"
#include "massho/records/people/users.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/database.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/register.h"
#include "massho/records/register/signing_key.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace massho::records;

namespace {

constexpr const char* kOrigin = "old-databases.test.example/massho";
// A test key, not a secret: it is committed beside each file so that the test can append.
constexpr const char* kSeed = "massho old_databases test key 01";  // 32 bytes
constexpr const char* kPassword = "Correct-Horse-42";

// Tables that builds created on first use, in the exact words of the code that created them:
// records/src/recipient_book.cpp as of ad84395, appliance/operations/job_journal.cpp as of
// b698c0e and records/src/media_ledger.cpp as of 1727efd (unchanged until the ladder took them
// over as versions 5, 6 and 7). Long statements are split into adjacent literals, which
// bugprone-suspicious-missing-comma takes for missing commas.
// NOLINTBEGIN(bugprone-suspicious-missing-comma)
const std::vector<std::string> kCreatedOnFirstUse = {
    "CREATE TABLE IF NOT EXISTS recipients(name TEXT PRIMARY KEY, public_key TEXT NOT NULL, "
    "fingerprint TEXT NOT NULL, label TEXT NOT NULL, added TEXT NOT NULL, added_by TEXT NOT "
    "NULL)",
    "CREATE TABLE IF NOT EXISTS erasure_jobs("
    " started_entry INTEGER PRIMARY KEY, pid INTEGER NOT NULL, boot_id TEXT NOT NULL,"
    " device TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS media(tag TEXT PRIMARY KEY, serial TEXT NOT NULL, "
    "state TEXT NOT NULL, row TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS media_by_serial ON media(serial)",
    "CREATE TABLE IF NOT EXISTS media_events(idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, "
    "row TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS media_events_by_tag ON media_events(tag)",
    "CREATE TABLE IF NOT EXISTS media_cursor(id INTEGER PRIMARY KEY CHECK(id = 0), "
    "next_index INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO media_cursor(id, next_index) VALUES(0, 0)",
};
// NOLINTEND(bugprone-suspicious-missing-comma)

struct OldDatabase {
    std::string name;
    int version;
    bool tablesOfFirstUse;  // a recipient, a medium, and the tables that hold them
};

void writeText(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
}

// As Store::create() did: key files, origin and vkey settings, `register-created`, the first
// admin; then, for tablesOfFirstUse, what `massho recipients add` and `massho media add` did.
void make(const fs::path& root, const OldDatabase& old) {
    const fs::path dir = root / old.name;
    fs::create_directories(dir);
    const SigningKey key = SigningKey::fromSeed(kOrigin, kSeed);
    key.save(dir / "register.key");
    writeText(dir / "register.vkey", key.vkey() + "\n");

    const std::vector<Migration> ladder(Database::migrations().begin(),
                                        Database::migrations().begin() + old.version);
    // One fixed time (2026-11-25T18:20:00Z) for every entry.
    const Clock clock = test::fixedClock(test::testTime(std::chrono::hours(24 * 365)));
    Database db(dir / "massho.db", Database::Mode::Create, ladder);
    Register log(db);
    log.setSigner(kOrigin, [&key]() -> const SigningKey& { return key; });
    {
        Transaction tx(db);
        for (const auto& [k, v] : {std::pair{"origin", std::string(kOrigin)}, {"vkey", key.vkey()}})
            Statement(db, "INSERT INTO settings(key, value) VALUES(?, ?)")
                .bind(1, k)
                .bind(2, v)
                .run();
        EntryBuilder created(EntryKind::RegisterCreated, clock);
        created.set("origin", kOrigin).set("vkey", key.vkey());
        created.set("software", "massho (schema v" + std::to_string(old.version) + ")");
        log.append(created.finish());
        Users users(db, log, clock);
        users.addInitialAdmin({"admin", "Admin", {Role::Admin}, std::nullopt}, kPassword);
        tx.commit();
    }
    if (!old.tablesOfFirstUse) return;
    {
        Transaction tx(db);
        for (const std::string& sql : kCreatedOnFirstUse) db.exec(sql);
        tx.commit();
    }
    RecipientBook book(db, log);
    // The example recipient of the age README; the fingerprint is SHA-256 of its 32 key bytes.
    book.add({"kuyakusho-kita", "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
              "92e369926e5f2443edd84b44be26381c6014f5ede9a328d4655edb8d74df233a",
              "Kita ward office", "", ""},
             "admin");
    MediaLedger ledger(db, log, clock);
    NewMedium disk;
    disk.tag = "HDD-OLD-1";
    disk.infoClass = 2;
    disk.mediaType = "hdd";
    disk.model = "ACME 500";
    disk.serial = "SN-OLD-1";
    disk.section = "Tax";
    disk.location = "Vault B";
    ledger.add(disk, "admin");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: records_old_database_maker OUTDIR (tests/records/register/"
                     "old_databases)\n";
        return 2;
    }
    try {
        for (const OldDatabase& old :
             {OldDatabase{"massho_v2", 2, false}, OldDatabase{"massho_v3_with_tables", 3, true},
              OldDatabase{"massho_v4", 4, false}, OldDatabase{"massho_v4_with_tables", 4, true}}) {
            const fs::path dir = fs::path(argv[1]) / old.name;
            if (fs::exists(dir)) {  // committed files stay what they are
                std::cout << "kept " << dir.string() << "\n";
                continue;
            }
            make(argv[1], old);
            std::cout << "wrote " << dir.string() << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "records_old_database_maker: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
