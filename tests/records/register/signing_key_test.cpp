#include "massho/records/register/signing_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/errors.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

using namespace massho::records;
using massho::records::test::hexToBytes;
using massho::records::test::readFile;
using massho::testsupport::TempDir;

namespace {
// golang.org/x/mod/sumdb/note documentation example key pair.
const char* kPeterSkey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const char* kPeterVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
}  // namespace

TEST(SigningKey, GoNoteExampleKeyGivesItsVerifierKey) {
    SigningKey key = SigningKey::fromPrivateKeyString(kPeterSkey);
    EXPECT_EQ(key.vkey(), kPeterVkey);
    EXPECT_EQ(massho::base::hexEncode(key.keyId()), "c74f20a3");
    EXPECT_EQ(VerifierKey::parse(kPeterVkey).vkey(), kPeterVkey);
}

TEST(SigningKey, Rfc8032Test1) {
    // RFC 8032 §7.1 TEST 1 (empty message).
    SigningKey key = SigningKey::fromSeed(
        "rfc8032", hexToBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    EXPECT_EQ(massho::base::hexEncode(key.publicKey()),
              "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    EXPECT_EQ(massho::base::hexEncode(key.sign("")),
              "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e"
              "39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
}

TEST(SigningKey, SignAndVerifyRoundTripAndTamper) {
    SigningKey key = SigningKey::generate("city.example.jp/massho");
    VerifierKey vk = VerifierKey::parse(key.vkey());
    std::string sig = key.sign("hello\n");
    EXPECT_TRUE(vk.verify("hello\n", sig));
    EXPECT_FALSE(vk.verify("hello!", sig));
    sig[10] ^= 1;
    EXPECT_FALSE(vk.verify("hello\n", sig));
    EXPECT_FALSE(vk.verify("hello\n", sig.substr(1)));
}

TEST(SigningKey, VerifierKeyRejectsMismatchedIdOrBadFormat) {
    EXPECT_THROW(
        VerifierKey::parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
        KeyError);
    EXPECT_THROW(VerifierKey::parse("Other+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                 KeyError);
    EXPECT_THROW(VerifierKey::parse("PeterNeumann+c74f20a3+ARpc2Qc"), KeyError);
    EXPECT_THROW(VerifierKey::parse("no-plus-signs"), KeyError);
    EXPECT_THROW(VerifierKey::parse(""), KeyError);
}

TEST(SigningKey, SavesWithMode0600AndLoadsBack) {
    TempDir dir;
    auto file = dir / "register.key";
    SigningKey key = SigningKey::generate("city.example.jp/massho");
    key.save(file);
    struct stat st {};
    ASSERT_EQ(stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    SigningKey loaded = SigningKey::load(file);
    EXPECT_EQ(loaded.vkey(), key.vkey());
    EXPECT_TRUE(key.verifierKey().verify("m", loaded.sign("m")));
    // The file is the signed-note private key format, readable by Go's note package.
    EXPECT_TRUE(readFile(file.string()).starts_with("PRIVATE+KEY+city.example.jp/massho+"));
}

TEST(SigningKey, RefusesToOverwrite) {
    TempDir dir;
    auto file = dir / "register.key";
    SigningKey::generate("a").save(file);
    std::string before = readFile(file.string());
    EXPECT_THROW(SigningKey::generate("a").save(file), KeyError);
    EXPECT_EQ(readFile(file.string()), before);
}

TEST(SigningKey, RefusesKeyFileReadableByOthers) {
    TempDir dir;
    auto file = dir / "register.key";
    SigningKey::generate("a").save(file);
    ASSERT_EQ(chmod(file.c_str(), 0644), 0);
    try {
        SigningKey::load(file);
        FAIL() << "loaded a world-readable key";
    } catch (const KeyError& e) {
        EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
    }
    ASSERT_EQ(chmod(file.c_str(), 0640), 0);
    EXPECT_THROW(SigningKey::load(file), KeyError);
}

TEST(SigningKey, RefusesDamagedKeyFile) {
    EXPECT_THROW(SigningKey::fromPrivateKeyString("PRIVATE+KEY+a+00000000+AAAA"), KeyError);
    std::string wrongId = kPeterSkey;
    wrongId.replace(wrongId.find("c74f20a3"), 8, "c74f20a4");
    EXPECT_THROW(SigningKey::fromPrivateKeyString(wrongId), KeyError);
}

TEST(Base64, StrictDecoding) {
    EXPECT_EQ(massho::base::base64::decode("aGVsbG8="), "hello");
    EXPECT_EQ(massho::base::base64::decode(""), "");
    EXPECT_FALSE(massho::base::base64::decode("aGVsbG8"));
    EXPECT_FALSE(massho::base::base64::decode("aGVsbG9="));  // non-zero pad bits
    EXPECT_FALSE(massho::base::base64::decode("aGVs bG8="));
    EXPECT_FALSE(massho::base::base64::decode("aGVs\nbG8="));
}
