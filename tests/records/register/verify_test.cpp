#include "massho/records/register/verify.h"

#include <gtest/gtest.h>

#include "massho/records/register/errors.h"
#include "massho/records/register/note.h"
#include "massho/records/register/proof.h"
#include "massho/testsupport/command.h"
#include "verify_fixture.h"

using namespace massho::records;
using namespace massho::records::test;
using massho::testsupport::runCommand;
using massho::testsupport::TempDir;
namespace fs = std::filesystem;

namespace {

class VerifyTest : public ::testing::Test {
  protected:
    VerifyTest() {
        Store store = Store::create(data, kOrigin, "admin", "", kAdminPassword);
        appendErasures(store, 8);  // entries 2..9
        vkey = store.vkey();
        saved = store.signedRegister().checkpoint();  // what an auditor saved: size 10
    }

    // Verifies with batches of 1 and 3 entries as well as the default: entries are checked a
    // batch at a time on two threads, and the report must not depend on where batches end.
    VerifyReport verify(const fs::path& source, std::vector<std::string> extra = {}) {
        VerifyOptions options;
        options.trustedVkeys = {vkey};
        for (size_t i = 0; i < extra.size(); ++i)
            options.extraCheckpoints.push_back({"saved-" + std::to_string(i), extra[i]});
        VerifyReport whole = verifyRegister(source, options);
        for (size_t batch : {1, 3}) {
            options.batchEntries = batch;
            EXPECT_EQ(verifyRegister(source, options).text(), whole.text()) << "batch " << batch;
        }
        return whole;
    }

    void expectFailure(const VerifyReport& r, std::optional<uint64_t> index,
                       const std::string& fragment) {
        EXPECT_FALSE(r.ok) << r.text();
        EXPECT_EQ(r.firstBadIndex, index) << r.text();
        EXPECT_NE(r.problem.find(fragment), std::string::npos) << r.problem;
        EXPECT_NE(r.text().find("FAILED"), std::string::npos);
    }

    TempDir tmp;
    fs::path data = tmp / "data";
    fs::path db = data / "massho.db";
    std::string vkey, saved;
};

}  // namespace

TEST_F(VerifyTest, IntactRegisterVerifiesEverything) {
    VerifyReport r = verify(data, {saved});
    ASSERT_TRUE(r.ok) << r.text();
    EXPECT_EQ(r.entries, 10u);
    EXPECT_EQ(r.checkpoints, 10u);
    EXPECT_EQ(r.signaturesChecked, 10u);
    EXPECT_EQ(r.extraCheckpoints, 1u);
    EXPECT_EQ(r.origin, kOrigin);
    EXPECT_NE(r.text().find("entries: 10 (indexes 0..9)"), std::string::npos) << r.text();
    EXPECT_NE(r.text().find("10 Ed25519 signatures verified (every checkpoint's)"),
              std::string::npos)
        << r.text();
    EXPECT_TRUE(r.text().ends_with("OK\n"));
    // The database file alone (an auditor's copy without the key) works too.
    fs::remove(data / "register.key");
    EXPECT_TRUE(verify(db).ok);
}

TEST_F(VerifyTest, ByteChangedWithTheSqliteShellIsNamed) {
    // A root insider: drop the guard trigger, then edit the entry text in place.
    auto r1 = runCommand(
        {"sqlite3", db.string(),
         "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = "
         "CAST(replace(CAST(bytes AS TEXT), '\"op3\"', '\"op9\"') AS BLOB) WHERE idx = 5;"});
    ASSERT_EQ(r1.exitCode, 0) << r1.err;
    expectFailure(verify(data), 5, "entry 5 does not match the tree signed in checkpoint 6");
}

TEST_F(VerifyTest, NonCanonicalEditIsNamed) {
    insiderSql(db,
               "UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), ':', ': ') AS BLOB) "
               "WHERE idx = 4;");
    expectFailure(verify(data), 4, "entry 4 is not a valid entry");
}

TEST_F(VerifyTest, DeletedEntryIsNamed) {
    insiderSql(db, "DELETE FROM entries WHERE idx = 6;");
    expectFailure(verify(data), 6, "entry 6 is missing");
}

TEST_F(VerifyTest, DeletedLastEntryIsTruncation) {
    insiderSql(db, "DELETE FROM entries WHERE idx = 9;");
    expectFailure(verify(data), 9, "entries at the end were deleted");
}

TEST_F(VerifyTest, SwappedEntriesAreNamed) {
    insiderSql(
        db,
        "UPDATE entries SET idx = 1000 WHERE idx = 3; UPDATE entries SET idx = 3 WHERE idx = 7;"
        "UPDATE entries SET idx = 7 WHERE idx = 1000;");
    expectFailure(verify(data), 3, "entry 3 does not match");
}

TEST_F(VerifyTest, ForgedCheckpointSignatureIsNamed) {
    Store store = Store::open(data, Store::Access::ReadOnly);
    SignedNote note = parseNote(store.signedRegister().checkpoint(4));
    note.signatures[0].payload[7] ^= 0x01;
    insiderSetBlob(db, "UPDATE checkpoints SET note = ? WHERE size = 4", note.text());
    expectFailure(verify(data), std::nullopt, "checkpoint 4: the signature does not verify");
}

TEST_F(VerifyTest, TruncatedAndResignedWithStolenKeyIsCaughtBySavedCheckpoint) {
    insiderSql(db,
               "DELETE FROM entries WHERE idx >= 6; DELETE FROM checkpoints WHERE size > 6;"
               "DELETE FROM tree_nodes WHERE (idx + 1) * (1 << level) > 6;");
    {
        Store store = Store::open(data);  // the stolen key signs the rewritten tail
        appendErasures(store, 4, 100);
    }
    EXPECT_TRUE(verify(data).ok)
        << "a rewritten log is self-consistent; only outside copies catch it";
    expectFailure(verify(data, {saved}), std::nullopt,
                  "checkpoint saved-0 (size 10) disagrees with the register's tree at that size");
}

TEST_F(VerifyTest, RolledBackDatabaseFileIsCaughtBySavedCheckpoint) {
    TempDir other;
    fs::copy(data, other / "copy");  // whole folder: db, wal, key
    {
        Store store = Store::open(data);
        appendErasures(store, 3, 50);
        saved = store.signedRegister().checkpoint();
    }
    // Roll back: restore the copy taken at size 10 over the live one.
    fs::remove_all(data);
    fs::copy(other / "copy", data);
    expectFailure(verify(data, {saved}), 10u,
                  "signed over 13 entries but the register has only 10");
}

TEST_F(VerifyTest, ReplacedKeyIsNotTrusted) {
    fs::path fake = tmp / "fake";
    {
        Store store = Store::create(fake, kOrigin, "admin", "", kAdminPassword);
        appendErasures(store, 8);
    }
    // The insider also replaced register.vkey: verifying with the register's own file passes...
    VerifyOptions own;
    EXPECT_TRUE(verifyRegister(fake, own).ok);
    EXPECT_TRUE(verifyRegister(fake, own).usedOwnVkey);
    // ...but not with the auditor's copy of the real key.
    expectFailure(verify(fake), std::nullopt, "which is not a trusted verifier key");
    // Nor does the real saved checkpoint match.
    VerifyOptions both;
    both.trustedVkeys = {vkey};
    both.extraCheckpoints = {{"saved", saved}};
    EXPECT_FALSE(verifyRegister(fake, both).ok);
}

TEST_F(VerifyTest, InclusionProofOfEveryEntryVerifiesOffline) {
    Store store = Store::open(data, Store::Access::ReadOnly);
    std::vector<VerifierKey> keys{VerifierKey::parse(vkey)};
    for (uint64_t i = 0; i < store.signedRegister().size(); ++i) {
        std::string proof = store.signedRegister().proof(i);
        EntryProofResult result = verifyEntryProof(store.signedRegister().entry(i), proof, keys);
        EXPECT_EQ(result.checkpoint.size, 10u);
    }
    std::string entry = store.signedRegister().entry(3);
    entry[entry.size() - 3] ^= 1;
    EXPECT_THROW(verifyEntryProof(entry, store.signedRegister().proof(3), keys), RecordsError);
    EXPECT_THROW(verifyEntryProof(store.signedRegister().entry(3), store.signedRegister().proof(3),
                                  {SigningKey::generate(kOrigin).verifierKey()}),
                 RecordsError);
    EXPECT_THROW(store.signedRegister().proof(10), RecordsError);
}

TEST_F(VerifyTest, ExportFolderVerifiesAndTamperingInItIsFound) {
    fs::path out = tmp / "export";
    {
        Store store = Store::open(data);
        appendErasures(store, 300, 10);  // > 256: full and partial tiles
        store.exportTo(out);
    }
    EXPECT_TRUE(fs::exists(out / "checkpoint"));
    EXPECT_TRUE(fs::exists(out / "tile/entries/000"));
    EXPECT_TRUE(fs::exists(out / "tile/entries/001.p/54"));
    EXPECT_TRUE(fs::exists(out / "tile/0/001.p/54"));
    EXPECT_TRUE(fs::exists(out / "tile/1/000.p/1"));
    VerifyReport r = verify(out, {saved});
    ASSERT_TRUE(r.ok) << r.text();
    EXPECT_EQ(r.entries, 310u);
    EXPECT_EQ(r.sourceKind, "export");
    EXPECT_EQ(r.root, verify(data).root);

    std::string tile = readFile((out / "tile/0/000").string());
    tile[40] ^= 1;
    std::ofstream(out / "tile/0/000", std::ios::binary | std::ios::trunc) << tile;
    expectFailure(verify(out), std::nullopt, "hash tile tile/0/000");
    fs::remove(out / "tile/entries/001.p/54");
    expectFailure(verify(out), 256u, "entry bundle tile/entries/001.p/54 is missing");
}

TEST_F(VerifyTest, KeyRotationIsFollowedThroughTheChain) {
    std::string newVkey;
    {
        Store store = Store::open(data);
        newVkey = store.rotateKey("admin");
        appendErasures(store, 3, 20);
        EXPECT_EQ(readFile((data / "register.vkey").string()), newVkey + "\n");
        // The rotation entry's checkpoint is signed by the old key, the next ones by the new.
        EXPECT_TRUE(
            parseNote(store.signedRegister().checkpoint(11)).signedBy(VerifierKey::parse(vkey)));
        EXPECT_TRUE(
            parseNote(store.signedRegister().checkpoint(12)).signedBy(VerifierKey::parse(newVkey)));
        EXPECT_FALSE(
            parseNote(store.signedRegister().checkpoint(12)).signedBy(VerifierKey::parse(vkey)));
    }
    VerifyReport r = verify(data, {saved});
    ASSERT_TRUE(r.ok) << r.text();
    EXPECT_EQ(r.keyChain.size(), 2u);
    VerifyOptions newOnly;
    newOnly.trustedVkeys = {newVkey};
    EXPECT_TRUE(verifyRegister(data, newOnly).ok);
    EXPECT_EQ(Store::open(data).signingKey().vkey(), newVkey);
}

TEST_F(VerifyTest, FastModeChecksFewerSignaturesButStillTheTree) {
    VerifyOptions options;
    options.trustedVkeys = {vkey};
    options.allSignatures = false;
    VerifyReport r = verifyRegister(data, options);
    ASSERT_TRUE(r.ok) << r.text();
    EXPECT_EQ(r.checkpoints, 10u);
    EXPECT_LT(r.signaturesChecked, 10u);
    EXPECT_NE(r.text().find("1 Ed25519 signatures verified (the latest checkpoint's"),
              std::string::npos)
        << r.text();
    insiderSql(db, "DELETE FROM entries WHERE idx = 6;");
    EXPECT_FALSE(verifyRegister(data, options).ok);
}

TEST_F(VerifyTest, CorruptedStoredTreeIsReportedSeparately) {
    insiderSetBlob(db, "UPDATE tree_nodes SET hash = ? WHERE level = 0 AND idx = 2",
                   std::string(32, 'x'));
    expectFailure(verify(data), 2u, "the stored Merkle tree's leaf 2 does not match entry 2");
}
