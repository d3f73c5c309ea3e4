#include "massho/records/register/verify.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <functional>

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
    VerifyReport verify(const fs::path& source, std::vector<std::string> extra = {},
                        bool allSignatures = false) {
        VerifyOptions options;
        options.trustedVkeys = {vkey};
        options.allSignatures = allSignatures;
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
    EXPECT_EQ(r.signaturesChecked, 1u);  // the latest; the tree fixes the others' contents
    EXPECT_EQ(r.extraCheckpoints, 1u);
    EXPECT_EQ(r.origin, kOrigin);
    EXPECT_NE(r.text().find("entries: 10 (indexes 0..9)"), std::string::npos) << r.text();
    EXPECT_NE(r.text().find("checkpoints: 10 stored, each matches the tree at its size\n"
                            "signatures: latest checkpoint, last of each key, 0 cosigned: 1 "
                            "Ed25519 signatures verified (--all-signatures checks all 10)\n"),
              std::string::npos)
        << r.text();
    VerifyReport all = verify(data, {saved}, true);
    ASSERT_TRUE(all.ok) << all.text();
    EXPECT_EQ(all.signaturesChecked, 10u);
    EXPECT_NE(all.text().find("signatures: all 10 checkpoints: 10 Ed25519 signatures verified\n"),
              std::string::npos)
        << all.text();
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

// An older checkpoint's signature is checked only with allSignatures (--all-signatures); its
// contents are still compared with the tree by default, so only the signature bytes can differ.
TEST_F(VerifyTest, ForgedCheckpointSignatureIsNamedWhenEverySignatureIsChecked) {
    Store store = Store::open(data, Store::Access::ReadOnly);
    SignedNote note = parseNote(store.signedRegister().checkpoint(4));
    note.signatures[0].payload[7] ^= 0x01;
    insiderSetBlob(db, "UPDATE checkpoints SET note = ? WHERE size = 4", note.text());
    expectFailure(verify(data, {}, true), std::nullopt,
                  "checkpoint 4: the signature does not verify");
    VerifyReport quick = verify(data);
    EXPECT_TRUE(quick.ok) << quick.text();
    EXPECT_NE(quick.text().find("(--all-signatures checks all 10)"), std::string::npos)
        << quick.text();
    // The latest checkpoint's signature is checked by default.
    note = parseNote(store.signedRegister().checkpoint(10));
    note.signatures[0].payload[0] ^= 0x01;
    insiderSetBlob(db, "UPDATE checkpoints SET note = ? WHERE size = 10", note.text());
    expectFailure(verify(data), std::nullopt, "checkpoint 10: the signature does not verify");
}

// By default an older checkpoint's signature is not checked, but every other byte of it is:
// each of these is found at its checkpoint, as before the fast comparison existed.
TEST_F(VerifyTest, AlteredOlderCheckpointIsFoundWithoutCheckingItsSignature) {
    std::string four, five;
    {
        Store store = Store::open(data, Store::Access::ReadOnly);
        four = store.signedRegister().checkpoint(4);
        five = store.signedRegister().checkpoint(5);
    }
    auto replaceFive = [&](const std::string& note) {
        insiderSetBlob(db, "UPDATE checkpoints SET note = ? WHERE size = 5", note);
    };
    replaceFive(four);
    expectFailure(verify(data), std::nullopt, "checkpoint 5 is stored under the wrong size");
    // The root of another tree under the right size (as a stolen key would sign it).
    const Checkpoint real = Checkpoint::parse(parseNote(five).body);
    Checkpoint other = real;
    other.root = Checkpoint::parse(parseNote(four).body).root;
    replaceFive(other.body() + five.substr(real.body().size()));
    expectFailure(verify(data), 4u, "entry 4 does not match the tree signed in checkpoint 5");
    // Damage after the body: the signature line.
    std::string cut = five;
    cut.pop_back();  // its newline
    replaceFive(cut);
    expectFailure(verify(data), std::nullopt, "checkpoint 5 is malformed");
    std::string badBase64 = five;
    badBase64[badBase64.size() - 5] = '*';
    replaceFive(badBase64);
    expectFailure(verify(data), std::nullopt, "checkpoint 5 is malformed");
    // Another origin.
    replaceFive("other.example/log" + five.substr(five.find('\n')));
    expectFailure(verify(data), std::nullopt, "checkpoint 5 names origin \"other.example/log\"");
    // An extension line is allowed by the checkpoint format: still the same tree.
    replaceFive(real.body() + "extension\n" + five.substr(real.body().size()));
    EXPECT_TRUE(verify(data).ok);
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

// What stands in an export where a file belongs and is not that file (the export-folder fuzzer's
// finding, and what an altered copy may hold): a failed verification naming the path and what
// belongs there. Before, a folder threw std::ios_base::failure from inside a stream, a FIFO blocked
// verification for ever, a symlink loop in place of massho-checkpoints was taken for no file (and
// the export verified), a read error looked like an empty file and a huge file was read whole into
// memory.
TEST_F(VerifyTest, WhatStandsInPlaceOfAnExportFileIsNamedNotFollowed) {
    fs::path out = tmp / "export";
    {
        Store store = Store::open(data);
        store.exportTo(out);
    }
    ASSERT_TRUE(verify(out, {saved}).ok);
    const std::string advice = "; the copy was altered or damaged (export the register again";
    struct Case {
        const char* file;
        const char* holds;
        std::function<void(const fs::path&)> replace;
        std::string problem;
    };
    auto folder = [](const fs::path& f) { fs::create_directory(f); };
    auto fifo = [](const fs::path& f) { ASSERT_EQ(::mkfifo(f.c_str(), 0600), 0); };
    auto loop = [](const fs::path& f) { fs::create_symlink(f.filename(), f); };
    // As root no permission stops a read; a file whose read(2) fails does: /proc/self/mem at
    // offset 0, which is never mapped.
    auto unreadable = [](const fs::path& f) { fs::create_symlink("/proc/self/mem", f); };
    auto huge = [](uintmax_t bytes) {
        return [bytes](const fs::path& f) {
            std::ofstream(f).close();
            fs::resize_file(f, bytes);  // sparse: nothing is written
        };
    };
    const std::vector<Case> cases{
        {"massho-checkpoints", "every checkpoint signed", folder, " is a folder, not a file"},
        {"checkpoint", "the latest signed checkpoint", folder, " is a folder, not a file"},
        {"massho-cosignatures", "the witnesses' cosignatures", folder, " is a folder, not a file"},
        {"register.vkey", "the verifier key(s)", folder, " is a folder, not a file"},
        {"massho-checkpoints", "every checkpoint signed", fifo,
         " is not a regular file (a pipe, a device or a socket), so it was not read"},
        {"checkpoint", "the latest signed checkpoint", fifo,
         " is not a regular file (a pipe, a device or a socket), so it was not read"},
        {"massho-checkpoints", "every checkpoint signed", loop,
         " cannot be opened (Too many levels of symbolic links)"},
        {"checkpoint", "the latest signed checkpoint", loop,
         " cannot be opened (Too many levels of symbolic links)"},
        {"massho-checkpoints", "every checkpoint signed", unreadable,
         " cannot be read (Input/output error)"},
        {"checkpoint", "the latest signed checkpoint", huge(8ull << 30),
         " is larger than 1,048,576 bytes"},
        {"massho-checkpoints", "every checkpoint signed", huge(8ull << 30),
         " is larger than 1,073,741,824 bytes"},
        {"tile/entries/000.p/10", "an entry bundle (at most 256 entries)", huge(8ull << 30),
         " is larger than 16,777,472 bytes"},
        {"tile/0/000.p/10", "a hash tile", fifo,
         " is not a regular file (a pipe, a device or a socket), so it was not read"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.file) + ":" + c.problem);
        const fs::path file = out / c.file, kept = tmp / "kept";
        fs::rename(file, kept);
        c.replace(file);
        // The export's own register.vkey is read only when no key is given.
        const VerifyReport r = std::string(c.file) == "register.vkey"
                                   ? verifyRegister(out, VerifyOptions{})
                                   : verify(out, {saved});
        EXPECT_FALSE(r.ok) << r.text();
        EXPECT_EQ(r.problem, file.string() + c.problem + ": it should hold " + c.holds + advice +
                                 ", or verify the original)");
        fs::remove(file);
        fs::rename(kept, file);
    }
    EXPECT_TRUE(verify(out, {saved}).ok) << "every file put back";
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

// After a rotation the default checks the last checkpoint each key signed, so that a key chain
// an insider forged from the rotation on is found even without --all-signatures.
TEST_F(VerifyTest, DefaultChecksTheLastSignatureOfEachKey) {
    {
        Store store = Store::open(data);
        store.rotateKey("admin");
        appendErasures(store, 3, 20);
    }
    VerifyReport r = verify(data);
    ASSERT_TRUE(r.ok) << r.text();
    EXPECT_EQ(r.checkpoints, 14u);
    EXPECT_EQ(r.signaturesChecked, 2u);  // 11 (the old key's last) and 14 (the latest)
    Store store = Store::open(data, Store::Access::ReadOnly);
    SignedNote note = parseNote(store.signedRegister().checkpoint(11));
    note.signatures[0].payload[3] ^= 0x01;
    insiderSetBlob(db, "UPDATE checkpoints SET note = ? WHERE size = 11", note.text());
    expectFailure(verify(data), std::nullopt, "checkpoint 11: the signature does not verify");
}

TEST_F(VerifyTest, CorruptedStoredTreeIsReportedSeparately) {
    insiderSetBlob(db, "UPDATE tree_nodes SET hash = ? WHERE level = 0 AND idx = 2",
                   std::string(32, 'x'));
    expectFailure(verify(data), 2u, "the stored Merkle tree's leaf 2 does not match entry 2");
}
