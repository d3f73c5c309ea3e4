// Files named on the command line are read as what they are: a secret key given by mistake is
// named, never printed; binary data is not dumped to the terminal; a FIFO is refused at once
// instead of blocking the command (every call runs under a timeout, so a hang fails the test).
#include <sys/stat.h>

#include <fstream>
#include <random>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"

namespace massho::testing {
namespace {

using testsupport::writeFile;

constexpr int kSeconds = 20;
constexpr int kTimedOut = 124;  // timeout(1)

bool printable(const std::string& text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return false;
    return true;
}

class InputFilesCliTest : public CliTest {
  protected:
    void SetUp() override {
        CliTest::SetUp();
        vkey_ = (std::filesystem::path(dataDir()) / "register.vkey").string();
        key_ = (std::filesystem::path(dataDir()) / "register.key").string();
        fifo_ = (tmp_ / "fifo").string();
        ASSERT_EQ(::mkfifo(fifo_.c_str(), 0600), 0);
    }
    std::string vkey_, key_, fifo_;
};

TEST_F(InputFilesCliTest, ASigningKeyGivenAsVerifierKeyIsNamedNotPrinted) {
    std::ifstream in(key_);
    std::string secret;
    std::getline(in, secret);
    ASSERT_EQ(secret.rfind("PRIVATE+KEY+", 0), 0u);
    const std::string material = secret.substr(secret.rfind('+') + 1);

    auto r = masshoWithin(kSeconds, {"register", "verify", dataDir(), "--vkey", key_});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find(key_ + " is a signing key (private), not a verifier key: give the .vkey "
                                "file"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("PRIVATE+KEY"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(material), std::string::npos);

    writeFile(tmp_ / "payload.txt", "{}\n");
    r = masshoWithin(kSeconds,
                     {"certificate", "verify", (tmp_ / "payload.txt").string(), "--vkey", key_});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(r.err.find(material), std::string::npos) << r.err;

    // The same key given as a checkpoint.
    r = masshoWithin(kSeconds,
                     {"register", "verify", dataDir(), "--vkey", vkey_, "--checkpoint", key_});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("is a signing key (private), not a checkpoint"), std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find(material), std::string::npos);
}

TEST_F(InputFilesCliTest, AnAgeIdentityOrBinaryDataIsNamedNotPrinted) {
    const auto identity = tmp_ / "identity.txt";
    ASSERT_EQ(testsupport::runCommand({"age-keygen", "-o", identity.string()}).exitCode, 0);
    writeFile(tmp_ / "payload.txt", "{}\n");
    auto r = masshoWithin(kSeconds, {"certificate", "verify", (tmp_ / "payload.txt").string(),
                                     "--vkey", identity.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("looks like an age identity"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("AGE-SECRET-KEY"), std::string::npos) << r.err;

    // A fixed seed on purpose: the same noise every run, so that a failure can be repeated.
    std::mt19937 random(42);  // NOLINT(cert-msc51-cpp)
    std::string noise(4096, '\0');
    for (auto& c : noise) c = static_cast<char>(random());
    writeFile(tmp_ / "noise.bin", noise);
    r = masshoWithin(kSeconds,
                     {"register", "verify", dataDir(), "--vkey", (tmp_ / "noise.bin").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("noise.bin is not text (binary data), not a verifier key"),
              std::string::npos)
        << r.err;
    EXPECT_TRUE(printable(r.err)) << "binary on the terminal";
    r = masshoWithin(kSeconds,
                     {"certificate", "verify", (tmp_ / "noise.bin").string(), "--vkey", vkey_});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(printable(r.err)) << "binary on the terminal";
}

TEST_F(InputFilesCliTest, AFifoIsRefusedAtOnceWhereverAFileIsRead) {
    const std::string notRegular = "'" + fifo_ + "' is not a regular file";
    const std::vector<std::vector<std::string>> commands{
        {"register", "verify", dataDir(), "--vkey", fifo_},
        {"register", "verify", dataDir(), "--vkey", vkey_, "--checkpoint", fifo_},
        {"register", "verify", dataDir(), "--vkey", vkey_, "--witness-vkey", fifo_},
        {"witness", "cosign", (tmp_ / "w").string(), fifo_, "--log-vkey", vkey_},
        {"witness", "cosign", (tmp_ / "w").string(), "--log-vkey", fifo_},
        {"register", "add-cosignature", fifo_, "--witness-vkey", vkey_},
        {"certificate", "verify", fifo_, "--vkey", vkey_},
        {"certificate", "verify", vkey_, "--vkey", vkey_, "--checkpoint", fifo_},
    };
    for (const auto& args : commands) {
        auto r = masshoWithin(kSeconds, args);
        EXPECT_NE(r.exitCode, kTimedOut) << "blocked on the FIFO: " << args[0] << " " << args[1];
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find(notRegular), std::string::npos) << r.err;
    }
}

TEST_F(InputFilesCliTest, AFifoOrAFolderAsOutputIsRefusedAtOnce) {
    for (const auto& option : {"--csv", "--pdf"}) {
        auto r = masshoWithin(kSeconds, {"certificate", "list", "--from", "2026-01-01", "--to",
                                         "2026-12-31", option, fifo_});
        EXPECT_NE(r.exitCode, kTimedOut) << "blocked on the FIFO";
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("'" + fifo_ + "' is not a regular file"), std::string::npos) << r.err;
    }
    auto r = masshoWithin(kSeconds, {"media", "report", "ledger", "--csv", fifo_});
    EXPECT_NE(r.exitCode, kTimedOut) << "blocked on the FIFO";
    EXPECT_EQ(r.exitCode, 2) << r.err;
    r = masshoWithin(kSeconds, {"certificate", "list", "--from", "2026-01-01", "--to", "2026-12-31",
                                "--csv", tmp_.path().string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("is a folder"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace massho::testing
