// Interoperability with Debian's `age` 1.1.1 and `age-keygen`: files we write decrypt with
// `age -d`, files `age` writes (binary, armored, passphrase) decrypt with ours.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "age_test_support.h"
#include "massho/image/age.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::image::test {
namespace {

using testsupport::runCommand;
using testsupport::TempDir;

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kMiB = 1024 * 1024;
// Empty, one byte, chunk boundaries, and multi-MiB sizes around the encryptor's 2 MiB batches
// (exactly one, one and a byte, and more batches than it keeps, so that batches are reused).
const std::vector<size_t> kSizes = {
    0, 1, kChunk, kChunk + 1, 2 * kMiB, 2 * kMiB + 1, 3 * kMiB, 12 * kMiB + 3};

// `age` reads passphrases only from a terminal: run it under script(1), which gives it a pty
// and forwards our standard input to it.
testsupport::CommandResult runOnTerminal(const std::string& shellCommand,
                                         const std::string& input) {
    return runCommand({"script", "-qec", shellCommand, "/dev/null"}, input);
}

// `age -o FILE` creates FILE only when it writes a first byte: no file means empty output.
std::string readOutput(const std::filesystem::path& p) {
    return std::filesystem::exists(p) ? readFile(p) : std::string();
}

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

std::string ourDecrypt(const std::string& cipher, const DecryptionKeys& keys) {
    std::istringstream in(cipher);
    std::ostringstream out;
    decrypt(in, out, keys);
    return out.str();
}

DecryptionKeys keysFor(const X25519Identity& id) {
    DecryptionKeys keys;
    keys.identities.push_back(id.clone());
    return keys;
}

TEST(AgeInterop, AgeKeygenKeysParseAndAgree) {
    auto r = runCommand({"age-keygen"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    size_t pub = r.out.find("# public key: ");
    size_t sec = r.out.find("AGE-SECRET-KEY-1");
    ASSERT_NE(pub, std::string::npos);
    ASSERT_NE(sec, std::string::npos);
    std::string recipient = r.out.substr(pub + 14, r.out.find('\n', pub) - pub - 14);
    std::string secret = r.out.substr(sec, r.out.find('\n', sec) - sec);
    X25519Identity id = X25519Identity::parse(secret);
    EXPECT_EQ(id.recipient().toString(), recipient);
    EXPECT_EQ(id.toString(), secret);
    // And age-keygen -y derives the same recipient from a key we generated.
    TempDir dir;
    X25519Identity ours = X25519Identity::generate();
    writeFile(dir / "key.txt", ours.toString() + "\n");
    auto y = runCommand({"age-keygen", "-y", (dir / "key.txt").string()});
    ASSERT_EQ(y.exitCode, 0) << y.err;
    EXPECT_EQ(y.out, ours.recipient().toString() + "\n");
}

TEST(AgeInterop, AgeDecryptsWhatWeEncryptForARecipient) {
    TempDir dir;
    X25519Identity id = X25519Identity::generate();
    writeFile(dir / "key.txt", id.toString() + "\n");
    for (size_t size : kSizes) {
        std::string plain = randomText(size);
        std::istringstream in(plain);
        std::ostringstream out;
        encrypt(in, out, {X25519Identity::generate().recipient(), id.recipient()});
        writeFile(dir / "file.age", out.str());
        auto r = runCommand(
            {"age", "-d", "-i", (dir / "key.txt").string(), (dir / "file.age").string()});
        ASSERT_EQ(r.exitCode, 0) << "size " << size << ": " << r.err;
        EXPECT_EQ(r.out, plain) << size;
    }
}

// Carry-out feeds the writer from libarchive in blocks of its own size, not from a stream.
TEST(AgeInterop, AgeDecryptsWhatAgeWriterWritesInUnevenBlocks) {
    TempDir dir;
    X25519Identity id = X25519Identity::generate();
    writeFile(dir / "key.txt", id.toString() + "\n");
    for (size_t size : {kMiB + 10240, 8 * kMiB, 12 * kMiB + 3}) {
        std::string plain = randomText(size);
        std::ostringstream out;
        AgeWriter writer(out, {id.recipient()});
        for (size_t pos = 0, step = 10240; pos < plain.size(); pos += step, step += 4097)
            writer.write(plain.data() + pos, std::min(step, plain.size() - pos));
        writer.finish();
        writeFile(dir / "file.age", out.str());
        auto r = runCommand(
            {"age", "-d", "-i", (dir / "key.txt").string(), (dir / "file.age").string()});
        ASSERT_EQ(r.exitCode, 0) << "size " << size << ": " << r.err;
        EXPECT_EQ(r.out, plain) << size;
    }
}

TEST(AgeInterop, WeDecryptWhatAgeEncryptsForARecipient) {
    TempDir dir;
    X25519Identity id = X25519Identity::generate();
    for (size_t size : kSizes) {
        std::string plain = randomText(size);
        writeFile(dir / "plain", plain);
        auto r = runCommand({"age", "-r", id.recipient().toString(), "-o",
                             (dir / "file.age").string(), (dir / "plain").string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(ourDecrypt(readFile(dir / "file.age"), keysFor(id)), plain) << size;
    }
}

TEST(AgeInterop, WeDecryptAgeArmoredOutput) {
    TempDir dir;
    X25519Identity id = X25519Identity::generate();
    for (size_t size : {size_t{0}, size_t{47}, size_t{48}, kChunk + 1}) {
        std::string plain = randomText(size);
        writeFile(dir / "plain", plain);
        auto r = runCommand({"age", "-a", "-r", id.recipient().toString(), "-o",
                             (dir / "file.age").string(), (dir / "plain").string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::string armored = readFile(dir / "file.age");
        ASSERT_TRUE(armored.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"));
        EXPECT_EQ(ourDecrypt(armored, keysFor(id)), plain) << size;
    }
}

TEST(AgeInterop, AgeDecryptsWhatWeEncryptWithAPassphrase) {
    TempDir dir;
    for (size_t size : {size_t{0}, kChunk, kChunk + 1}) {
        std::string plain = randomText(size);
        std::istringstream in(plain);
        std::ostringstream out;
        encryptWithPassphrase(in, out, "massho interop passphrase", 12);
        writeFile(dir / "file.age", out.str());
        std::filesystem::remove(dir / "plain");
        auto r =
            runOnTerminal("age -d -o " + quoted(dir / "plain") + " " + quoted(dir / "file.age"),
                          "massho interop passphrase\n");
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        EXPECT_EQ(readOutput(dir / "plain"), plain) << size;
    }
}

TEST(AgeInterop, WeDecryptWhatAgeEncryptsWithAPassphrase) {
    TempDir dir;
    for (size_t size : {size_t{0}, kChunk + 1}) {
        std::string plain = randomText(size);
        writeFile(dir / "plain", plain);
        std::filesystem::remove(dir / "file.age");
        // age -p asks twice (entry and confirmation) and uses work factor 18.
        auto r =
            runOnTerminal("age -p -o " + quoted(dir / "file.age") + " " + quoted(dir / "plain"),
                          "age made this\nage made this\n");
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        std::string cipher = readFile(dir / "file.age");
        ASSERT_NE(cipher.find("-> scrypt "), std::string::npos);
        DecryptionKeys keys;
        keys.passphrases.emplace_back(std::string_view("age made this"));
        EXPECT_EQ(ourDecrypt(cipher, keys), plain) << size;
    }
}

}  // namespace
}  // namespace massho::image::test
