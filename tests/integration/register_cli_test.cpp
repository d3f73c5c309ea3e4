// The register as an auditor sees it through the CLI: verify, proofs, export, witnesses, and
// tampering by a root insider caught with nothing but the public key and saved checkpoints.
#include <fstream>
#include <sstream>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

using testsupport::runChecked;

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class RegisterCliTest : public CliTest {
  protected:
    void SetUp() override {
        CliTest::SetUp();
        vkey_ = tmp_ / "auditor.vkey";  // the auditor's own copy, taken at init
        std::filesystem::copy_file(std::filesystem::path(dataDir()) / "register.vkey", vkey_);
    }
    std::filesystem::path db() const { return std::filesystem::path(dataDir()) / "massho.db"; }
    void addUser(const std::string& id) {
        auto r =
            massho({"user", "add", id, "--role", "auditor", "--as", "admin", "--password-stdin"},
                   std::string(kAdminPassword) + "\nauditor-passphrase-" + id + "\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    std::filesystem::path vkey_;
};

TEST_F(RegisterCliTest, VerifiesWithTheAuditorsKeyAndASavedCheckpoint) {
    writeFile(tmp_ / "cp", massho({"register", "checkpoint"}).out);
    addUser("kimura");
    auto r = massho(
        {"register", "verify", "--vkey", vkey_.string(), "--checkpoint", (tmp_ / "cp").string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("entries: 4"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("OK"), std::string::npos);
}

TEST_F(RegisterCliTest, ProofNamesTheEntryAndTheLatestCheckpoint) {
    auto r = massho({"register", "proof", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("c2sp.org/tlog-proof@v1\nindex 1\n", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\ntest.massho.example/register\n3\n"), std::string::npos) << r.out;
    EXPECT_EQ(massho({"register", "proof", "99"}).exitCode, 2);
}

TEST_F(RegisterCliTest, ChangedEntryIsFoundByIndex) {
    addUser("kimura");
    // A root insider: drop the guard triggers, then rewrite a name in entry 3.
    auto triggers = runChecked(
        {"sqlite3", db().string(), "SELECT name FROM sqlite_master WHERE type='trigger'"});
    std::istringstream names(triggers);
    for (std::string t; std::getline(names, t);)
        if (!t.empty()) runChecked({"sqlite3", db().string(), "DROP TRIGGER \"" + t + "\""});
    runChecked({"sqlite3", db().string(),
                "UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'kimura', 'tanaka') "
                "AS BLOB) WHERE idx = 3"});

    auto r = massho({"register", "verify", "--vkey", vkey_.string()});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.err.find("entry 3"), std::string::npos) << r.err;
}

// A forged signature on an older checkpoint: --all-signatures checks every checkpoint's
// signature and names it; the default checks the latest (which fixes the older checkpoints'
// contents through the tree) and says in its output that the others were not checked.
TEST_F(RegisterCliTest, ForgedOlderCheckpointSignatureIsFoundWithAllSignatures) {
    addUser("kimura");
    const std::string note = runChecked({"sqlite3", db().string(),
                                         "SELECT CAST(note AS TEXT) FROM checkpoints "
                                         "WHERE size = 2"});
    // The signature line is "— <name> <base64>": flip a character of the base64.
    std::string forged = note.substr(0, note.find_last_not_of('\n') + 1) + "\n";
    const size_t at = forged.size() - 10;
    forged[at] = forged[at] == 'A' ? 'B' : 'A';
    std::string hex;
    for (unsigned char c : forged) {
        static const char* digits = "0123456789ABCDEF";
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    runChecked({"sqlite3", db().string(),
                "DROP TRIGGER checkpoints_no_update; UPDATE checkpoints SET note = X'" + hex +
                    "' WHERE size = 2"});

    auto full = massho({"register", "verify", "--vkey", vkey_.string(), "--all-signatures"});
    EXPECT_EQ(full.exitCode, 1) << full.out;
    EXPECT_NE(full.err.find("checkpoint 2: the signature does not verify"), std::string::npos)
        << full.err;
    auto quick = massho({"register", "verify", "--vkey", vkey_.string()});
    EXPECT_EQ(quick.exitCode, 0) << quick.out << quick.err;
    EXPECT_NE(quick.out.find("signatures: latest checkpoint, last of each key, 0 cosigned: 1 "
                             "Ed25519 signatures verified (--all-signatures checks all "),
              std::string::npos)
        << quick.out;
    // The old flag for the new default still works, and changes nothing.
    auto old = massho({"register", "verify", "--vkey", vkey_.string(), "--latest-signature"});
    EXPECT_EQ(old.exitCode, 0) << old.out << old.err;
    EXPECT_EQ(old.out, quick.out);
}

TEST_F(RegisterCliTest, RollbackToAnOlderCopyIsCaughtByASavedCheckpoint) {
    runChecked({"sqlite3", db().string(), ".backup '" + (tmp_ / "old.db").string() + "'"});
    addUser("kimura");
    addUser("mori");
    writeFile(tmp_ / "audit-cp", massho({"register", "checkpoint"}).out);  // the auditor keeps this

    // Roll the appliance back to the older copy: on its own it is a perfectly valid register…
    auto alone =
        massho({"register", "verify", (tmp_ / "old.db").string(), "--vkey", vkey_.string()});
    EXPECT_EQ(alone.exitCode, 0) << alone.out << alone.err;
    // …but not against what the auditor saw.
    auto r = massho({"register", "verify", (tmp_ / "old.db").string(), "--vkey", vkey_.string(),
                     "--checkpoint", (tmp_ / "audit-cp").string()});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.err.find("audit-cp"), std::string::npos) << r.err;
}

TEST_F(RegisterCliTest, ReplacedVkeyDoesNotFoolTheAuditor) {
    // An attacker re-creates a register with a new key under the same origin; the auditor's vkey
    // copy does not match it.
    const auto other = tmp_ / "other";
    ASSERT_EQ(testsupport::runCommand(
                  {MASSHO_CLI, "--data-dir", other.string(), "init", "--origin",
                   "test.massho.example/register", "--admin", "admin", "--password-stdin"},
                  std::string(kAdminPassword) + "\n")
                  .exitCode,
              0);
    auto r = massho({"register", "verify", other.string(), "--vkey", vkey_.string()});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
}

TEST_F(RegisterCliTest, ExportVerifiesWithoutTheDatabase) {
    const auto out = tmp_ / "export";
    ASSERT_EQ(massho({"register", "export", out.string()}).exitCode, 0);
    EXPECT_TRUE(std::filesystem::exists(out / "checkpoint"));
    EXPECT_EQ(readFile(out / "checkpoint"), massho({"register", "checkpoint"}).out);
    auto r = testsupport::runCommand(
        {MASSHO_CLI, "register", "verify", out.string(), "--vkey", vkey_.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    // Cut the export: the checkpoint no longer matches the entries.
    for (const auto& f : std::filesystem::recursive_directory_iterator(out / "tile" / "entries"))
        if (f.is_regular_file()) {
            std::string bytes = readFile(f.path());
            bytes[bytes.size() / 2] ^= 1;
            writeFile(f.path(), bytes);
            break;
        }
    EXPECT_EQ(testsupport::runCommand(
                  {MASSHO_CLI, "register", "verify", out.string(), "--vkey", vkey_.string()})
                  .exitCode,
              1);
}

TEST_F(RegisterCliTest, WitnessCosignsOnlyConsistentCheckpoints) {
    const auto wdir = tmp_ / "witness";
    auto init = testsupport::runCommand(
        {MASSHO_CLI, "witness", "init", wdir.string(), "--name", "audit.example/w"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    writeFile(tmp_ / "w.vkey", init.out);

    auto cosign = [&](const std::string& request) {
        return testsupport::runCommand(
            {MASSHO_CLI, "witness", "cosign", wdir.string(), "--log-vkey", vkey_.string(), "-"},
            request);
    };
    auto first = cosign(massho({"register", "witness-request"}).out);
    ASSERT_EQ(first.exitCode, 0) << first.err;
    writeFile(tmp_ / "line", first.out);
    ASSERT_EQ(massho({"register", "add-cosignature", "--witness-vkey", (tmp_ / "w.vkey").string(),
                      "--size", "3", (tmp_ / "line").string()})
                  .exitCode,
              0);
    auto verified = massho({"register", "verify", "--vkey", vkey_.string(), "--witness-vkey",
                            (tmp_ / "w.vkey").string(), "--require-witnesses", "1"});
    EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;

    // A second request that pretends the witness never saw anything (old 0) is refused: it saw 3.
    addUser("kimura");
    auto stale = cosign(massho({"register", "witness-request", "--old", "0"}).out);
    EXPECT_EQ(stale.exitCode, 3) << stale.err;
    auto next = cosign(massho({"register", "witness-request", "--old", "3"}).out);
    EXPECT_EQ(next.exitCode, 0) << next.err;
}

}  // namespace
// After `massho key rotate`, a witness is walked to the new key by the log's own rotation entry:
// it cosigns the old key's last checkpoint, checks the entry against that tree, then the new key.
TEST_F(RegisterCliTest, WitnessFollowsAKeyRotation) {
    const auto wdir = tmp_ / "witness";
    ASSERT_EQ(testsupport::runCommand(
                  {MASSHO_CLI, "witness", "init", wdir.string(), "--name", "audit.example/w"})
                  .exitCode,
              0);
    auto cosign = [&](const std::string& request, const std::filesystem::path& logVkey) {
        return testsupport::runCommand(
            {MASSHO_CLI, "witness", "cosign", wdir.string(), "--log-vkey", logVkey.string(), "-"},
            request);
    };
    ASSERT_EQ(cosign(massho({"register", "witness-request"}).out, vkey_).exitCode, 0);  // size 3
    auto rotated = massho({"key", "rotate", "--as", "admin", "--password-stdin"},
                          std::string(kAdminPassword) + "\n");
    ASSERT_EQ(rotated.exitCode, 0) << rotated.err;
    const std::string rotation = "3";  // the key-rotated entry; size 4 is the old key's last
    const std::filesystem::path newVkey = std::filesystem::path(dataDir()) / "register.vkey";
    addUser("kimura");

    auto refused = cosign(massho({"register", "witness-request", "--old", "3"}).out, newVkey);
    EXPECT_EQ(refused.exitCode, 3) << refused.err;
    EXPECT_NE(refused.err.find("rotation-evidence"), std::string::npos) << refused.err;

    ASSERT_EQ(
        cosign(massho({"register", "witness-request", "--old", "3", "--size", "4"}).out, vkey_)
            .exitCode,
        0);
    auto evidence = massho({"register", "rotation-evidence", rotation});
    ASSERT_EQ(evidence.exitCode, 0) << evidence.err;
    auto followed = testsupport::runCommand(
        {MASSHO_CLI, "witness", "follow-rotation", wdir.string(), "-"}, evidence.out);
    ASSERT_EQ(followed.exitCode, 0) << followed.err;
    EXPECT_EQ(followed.out, readFile(newVkey));
    auto next = cosign(massho({"register", "witness-request", "--old", "4"}).out, newVkey);
    EXPECT_EQ(next.exitCode, 0) << next.err;
    EXPECT_EQ(massho({"register", "rotation-evidence", "1"}).exitCode, 2) << "not a rotation";
}

}  // namespace massho::testing
