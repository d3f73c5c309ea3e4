// Encrypting and decrypting with our own implementation: sizes around the 64 KiB chunk
// boundary, several recipients, passphrases, the work-factor limit and the streaming writer.

#include <gtest/gtest.h>

#include <sstream>

#include "age_test_support.h"
#include "massho/image/age.h"

namespace massho::image::test {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kBatch = 32 * kChunk;  // what the encryptor fills before handing over to sealers
constexpr int kFastLogN = 10;           // keeps scrypt cheap in tests; the default is 18

std::string encryptTo(const std::string& plain, const std::vector<X25519Recipient>& recipients) {
    std::istringstream in(plain);
    std::ostringstream out;
    encrypt(in, out, recipients);
    return out.str();
}

std::string decryptWith(const std::string& cipher, const X25519Identity& id) {
    std::istringstream in(cipher);
    std::ostringstream out;
    std::vector<X25519Identity> ids;
    ids.push_back(id.clone());
    decrypt(in, out, ids);
    return out.str();
}

size_t headerSize(const std::string& cipher) {
    return cipher.find('\n', cipher.find("--- ")) + 1;
}

TEST(AgeRoundTrip, SizesAroundTheChunkBoundary) {
    X25519Identity id = X25519Identity::generate();
    for (size_t size :
         {size_t{0}, size_t{1}, kChunk - 1, kChunk, kChunk + 1, 2 * kChunk, 3 * kChunk + 12345}) {
        std::string plain = randomText(size);
        std::string cipher = encryptTo(plain, {id.recipient()});
        EXPECT_EQ(decryptWith(cipher, id), plain) << size;
        // nonce + every chunk's tag; an empty file still has one (empty) chunk.
        size_t chunks = size == 0 ? 1 : (size + kChunk - 1) / kChunk;
        EXPECT_EQ(cipher.size(), headerSize(cipher) + 16 + size + 16 * chunks) << size;
    }
}

// Chunks are sealed in 2 MiB batches on worker threads: a final chunk at a batch's end, in the
// next batch alone, and more batches than the encryptor keeps (so batches are reused).
TEST(AgeRoundTrip, SizesAroundTheBatchBoundary) {
    X25519Identity id = X25519Identity::generate();
    for (size_t size : {kBatch - 1, kBatch, kBatch + 1, 2 * kBatch, 6 * kBatch + 12345}) {
        std::string plain = randomText(size);
        std::string cipher = encryptTo(plain, {id.recipient()});
        EXPECT_EQ(decryptWith(cipher, id), plain) << size;
        size_t chunks = (size + kChunk - 1) / kChunk;
        EXPECT_EQ(cipher.size(), headerSize(cipher) + 16 + size + 16 * chunks) << size;
    }
}

TEST(AgeRoundTrip, EveryRecipientCanDecryptAndOthersCannot) {
    std::vector<X25519Identity> ids;
    ids.reserve(3);
    for (int i = 0; i < 3; ++i) ids.push_back(X25519Identity::generate());
    std::string plain = randomText(1000);
    std::string cipher =
        encryptTo(plain, {ids[0].recipient(), ids[1].recipient(), ids[2].recipient()});
    for (const auto& id : ids) EXPECT_EQ(decryptWith(cipher, id), plain);
    EXPECT_THROW(decryptWith(cipher, X25519Identity::generate()), NoIdentityMatchError);
}

TEST(AgeRoundTrip, EncryptionIsRandomised) {
    X25519Identity id = X25519Identity::generate();
    EXPECT_NE(encryptTo("same", {id.recipient()}), encryptTo("same", {id.recipient()}));
}

TEST(AgeRoundTrip, PassphraseRoundTripAndWrongPassphrase) {
    std::string plain = randomText(kChunk + 7);
    std::istringstream in(plain);
    std::ostringstream out;
    encryptWithPassphrase(in, out, "correct horse battery staple", kFastLogN);
    std::string cipher = out.str();
    EXPECT_NE(cipher.find("-> scrypt "), std::string::npos);
    EXPECT_NE(cipher.find(" 10\n"), std::string::npos);

    std::istringstream cin(cipher);
    std::ostringstream dec;
    decryptWithPassphrase(cin, dec, "correct horse battery staple");
    EXPECT_EQ(dec.str(), plain);

    std::istringstream wrongIn(cipher);
    std::ostringstream wrongOut;
    EXPECT_THROW(decryptWithPassphrase(wrongIn, wrongOut, "incorrect"), NoIdentityMatchError);
    EXPECT_TRUE(wrongOut.str().empty());
}

TEST(AgeRoundTrip, WorkFactorAboveTheLimitIsRefusedBeforeComputing) {
    std::istringstream in("x");
    std::ostringstream out;
    encryptWithPassphrase(in, out, "pw", 12);
    std::istringstream cin(out.str());
    std::ostringstream dec;
    EXPECT_THROW(decryptWithPassphrase(cin, dec, "pw", 11), HeaderError);
}

TEST(AgeRoundTrip, EmptyPassphraseAndNoRecipientAreRefused) {
    std::istringstream in("x");
    std::ostringstream out;
    EXPECT_THROW(encryptWithPassphrase(in, out, "", kFastLogN), KeyFormatError);
    EXPECT_THROW(encrypt(in, out, {}), KeyFormatError);
    EXPECT_TRUE(out.str().empty());
}

TEST(AgeWriterTest, ArbitraryWriteSizesGiveTheSamePlaintext) {
    X25519Identity id = X25519Identity::generate();
    std::string plain = randomText(5 * kChunk + 999);
    std::ostringstream out;
    AgeWriter writer(out, {id.recipient()});
    size_t pos = 0, step = 1;
    while (pos < plain.size()) {
        size_t n = std::min(step, plain.size() - pos);
        writer.write(plain.data() + pos, n);
        pos += n;
        step = step * 3 + 1;
    }
    writer.finish();
    EXPECT_EQ(writer.plaintextBytes(), plain.size());
    EXPECT_EQ(decryptWith(out.str(), id), plain);
    EXPECT_THROW(writer.write("x", 1), AgeError);
}

TEST(AgeWriterTest, AnUnfinishedFileIsRejectedAsTruncated) {
    X25519Identity id = X25519Identity::generate();
    for (size_t size : {3 * kChunk, 5 * kBatch + 7}) {
        std::ostringstream out;
        {
            AgeWriter writer(out, {id.recipient()});
            std::string plain = randomText(size);
            writer.write(plain.data(), plain.size());
        }  // destroyed without finish(): the last chunk was never sealed
        EXPECT_THROW(decryptWith(out.str(), id), PayloadError) << size;
    }
}

// A sink that fails after `room` bytes, like a medium pulled or full mid-write.
class FailingBuf : public std::streambuf {
  public:
    explicit FailingBuf(size_t room) : room_(room) {}

  protected:
    std::streamsize xsputn(const char*, std::streamsize n) override {
        if (static_cast<size_t>(n) > room_) return 0;
        room_ -= static_cast<size_t>(n);
        return n;
    }
    int_type overflow(int_type c) override {
        return xsputn(nullptr, 1) == 1 ? c : traits_type::eof();
    }

  private:
    size_t room_;
};

// A source that fails after `size` bytes, like a disk read error in the middle of a file.
class FailingSource : public std::streambuf {
  public:
    explicit FailingSource(std::string bytes) : bytes_(std::move(bytes)) {
        setg(bytes_.data(), bytes_.data(), bytes_.data() + bytes_.size());
    }

  protected:
    int_type underflow() override { throw std::runtime_error("read error"); }

  private:
    std::string bytes_;
};

TEST(AgeRoundTrip, AFailingOutputIsAnIoErrorNotSuccess) {
    X25519Identity id = X25519Identity::generate();
    std::string plain = randomText(4 * kChunk);
    for (size_t room : {size_t{10}, size_t{2 * kChunk}}) {
        FailingBuf buf(room);
        std::ostream out(&buf);
        std::istringstream in(plain);
        EXPECT_THROW(encrypt(in, out, {id.recipient()}), IoError) << room;
    }
    // The writer thread's failure reaches the caller, several batches into a long stream.
    std::string longPlain = randomText(9 * kBatch);
    for (size_t room : {size_t{kBatch / 2}, size_t{3 * kBatch}}) {
        FailingBuf buf(room);
        std::ostream out(&buf);
        std::istringstream in(longPlain);
        EXPECT_THROW(encrypt(in, out, {id.recipient()}), IoError) << room;
    }
    std::vector<X25519Identity> ids;
    ids.push_back(id.clone());
    for (const auto& [text, room] : {std::pair{plain, kChunk}, std::pair{longPlain, 3 * kBatch}}) {
        std::string cipher = encryptTo(text, {id.recipient()});
        FailingBuf buf(room);
        std::ostream out(&buf);
        std::istringstream in(cipher);
        EXPECT_THROW(decrypt(in, out, ids), IoError) << room;
    }
}

TEST(AgeWriterTest, AFailedWriteIsThrownByALaterWriteAndByFinish) {
    X25519Identity id = X25519Identity::generate();
    FailingBuf buf(kBatch);
    std::ostream out(&buf);
    AgeWriter writer(out, {id.recipient()});
    std::string block = randomText(kChunk);
    bool thrown = false;
    for (int i = 0; i < 20 * 32 && !thrown; ++i) {
        try {
            writer.write(block.data(), block.size());
        } catch (const IoError&) {
            thrown = true;
        }
    }
    EXPECT_TRUE(thrown);
    EXPECT_THROW(writer.finish(), IoError);
}

TEST(AgeRoundTrip, AFailingInputIsAnIoErrorAndLeavesNoCompleteFile) {
    X25519Identity id = X25519Identity::generate();
    for (size_t size : {size_t{1000}, 3 * kBatch + 5}) {
        FailingSource source(randomText(size));
        std::istream in(&source);
        std::ostringstream out;
        EXPECT_THROW(encrypt(in, out, {id.recipient()}), IoError) << size;
        EXPECT_THROW(decryptWith(out.str(), id), PayloadError) << size;
    }
}

TEST(AgeRoundTrip, ForeignFilesAreRefusedWithTheirClass) {
    DecryptionKeys keys;
    keys.identities.push_back(X25519Identity::generate());
    std::string released;
    EXPECT_EQ(decryptOutcome("PK\x03\x04 not an age file", keys, released), "armor failure");
    EXPECT_EQ(decryptOutcome("age-encryption.org/v2\n", keys, released), "header failure");
    EXPECT_EQ(decryptOutcome("-----BEGIN PGP MESSAGE-----\n", keys, released), "armor failure");
}

}  // namespace
}  // namespace massho::image::test
