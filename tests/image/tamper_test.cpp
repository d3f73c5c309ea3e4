// Tampering with an encrypted file is caught, with the failure class naming what was hit, and
// no unauthenticated plaintext is released.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "age_test_support.h"
#include "massho/image/age.h"

namespace massho::image::test {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kSealedChunk = kChunk + 16;
constexpr size_t kBatch =
    size_t{32};  // chunks the decryptor opens together, batches on several threads

class AgeTamper : public ::testing::Test {
  protected:
    void SetUp() override {
        plain_ = randomText(2 * kChunk + 500);  // three chunks: full, full, short
        std::istringstream in(plain_);
        std::ostringstream out;
        encrypt(in, out, {id_.recipient()});
        cipher_ = out.str();
        headerEnd_ = cipher_.find('\n', cipher_.find("--- ")) + 1;
        payloadStart_ = headerEnd_ + 16;  // after the nonce
    }

    std::string outcome(const std::string& cipher, std::string& released) {
        DecryptionKeys keys;
        keys.identities.push_back(id_.clone());
        return decryptOutcome(cipher, keys, released);
    }

    X25519Identity id_ = X25519Identity::generate();
    std::string plain_, cipher_;
    size_t headerEnd_ = 0, payloadStart_ = 0;
};

TEST_F(AgeTamper, UntouchedFileDecrypts) {
    std::string released;
    EXPECT_EQ(outcome(cipher_, released), "success");
    EXPECT_EQ(released, plain_);
}

TEST_F(AgeTamper, VersionLineFlipIsAHeaderFailure) {
    std::string c = cipher_;
    c[4] ^= 0x01;
    std::string released;
    EXPECT_EQ(outcome(c, released), "header failure");
    EXPECT_TRUE(released.empty());
}

TEST_F(AgeTamper, StanzaBodyFlipMeansNoIdentityMatches) {
    std::string c = cipher_;
    size_t body = c.find('\n', c.find("-> X25519")) + 1;
    c[body + 10] = c[body + 10] == 'A' ? 'B' : 'A';
    std::string released;
    EXPECT_EQ(outcome(c, released), "no match");
    EXPECT_TRUE(released.empty());
}

TEST_F(AgeTamper, MacFlipIsAnHmacFailure) {
    std::string c = cipher_;
    size_t mac = c.find("--- ") + 4;
    c[mac + 5] = c[mac + 5] == 'A' ? 'B' : 'A';
    std::string released;
    EXPECT_EQ(outcome(c, released), "HMAC failure");
    EXPECT_TRUE(released.empty());
}

TEST_F(AgeTamper, AddedStanzaIsAnHmacFailure) {
    std::string c = cipher_;
    c.insert(c.find("--- "), "-> grease x\n\n");
    std::string released;
    EXPECT_EQ(outcome(c, released), "HMAC failure");
}

TEST_F(AgeTamper, NonceFlipBreaksTheFirstChunk) {
    std::string c = cipher_;
    c[headerEnd_ + 3] = static_cast<char>(c[headerEnd_ + 3] ^ 0x80);
    std::string released;
    EXPECT_EQ(outcome(c, released), "payload failure");
    EXPECT_TRUE(released.empty());
}

TEST_F(AgeTamper, SecondChunkFlipReleasesOnlyTheFirstChunk) {
    std::string c = cipher_;
    c[payloadStart_ + kSealedChunk + 100] ^= 0x01;
    std::string released;
    EXPECT_EQ(outcome(c, released), "payload failure");
    EXPECT_EQ(released, plain_.substr(0, kChunk));
}

TEST_F(AgeTamper, TruncatedLastChunkIsAPayloadFailure) {
    std::string released;
    EXPECT_EQ(outcome(cipher_.substr(0, cipher_.size() - 1), released), "payload failure");
    EXPECT_EQ(released, plain_.substr(0, 2 * kChunk));
}

TEST_F(AgeTamper, DroppedLastChunkIsAPayloadFailure) {
    std::string released;
    EXPECT_EQ(outcome(cipher_.substr(0, payloadStart_ + 2 * kSealedChunk), released),
              "payload failure");
    EXPECT_EQ(released, plain_.substr(0, 2 * kChunk));
}

TEST_F(AgeTamper, TrailingDataIsAPayloadFailure) {
    std::string released;
    EXPECT_EQ(outcome(cipher_ + "x", released), "payload failure");
    EXPECT_EQ(outcome(cipher_ + std::string(kSealedChunk, '\0'), released), "payload failure");
}

TEST_F(AgeTamper, TruncatedNonceIsAHeaderFailure) {
    std::string released;
    EXPECT_EQ(outcome(cipher_.substr(0, headerEnd_ + 8), released), "header failure");
}

// The same across many batches opened on several threads: what is released stops exactly at the
// first refused chunk, whichever thread opened it, and nothing after it is written.
class AgeTamperLong : public AgeTamper {
  protected:
    void SetUp() override {
        plain_ = randomText(5 * kBatch * kChunk + 500);  // 160 whole chunks and a short one
        std::istringstream in(plain_);
        std::ostringstream out;
        encrypt(in, out, {id_.recipient()});
        cipher_ = out.str();
        headerEnd_ = cipher_.find('\n', cipher_.find("--- ")) + 1;
        payloadStart_ = headerEnd_ + 16;
    }
};

TEST_F(AgeTamperLong, AFlipReleasesExactlyTheChunksBeforeIt) {
    for (size_t chunk : {size_t{0}, kBatch - 1, kBatch, size_t{70}, 5 * kBatch}) {
        std::string c = cipher_;
        c[payloadStart_ + chunk * kSealedChunk + 7] ^= 0x01;
        std::string released;
        EXPECT_EQ(outcome(c, released), "payload failure") << chunk;
        EXPECT_EQ(released, plain_.substr(0, chunk * kChunk)) << chunk;
    }
}

TEST_F(AgeTamperLong, SwappedChunksReleaseOnlyWhatCameBefore) {
    std::string c = cipher_;
    size_t a = payloadStart_ + 40 * kSealedChunk, b = a + kSealedChunk;
    std::swap_ranges(c.begin() + static_cast<std::ptrdiff_t>(a),
                     c.begin() + static_cast<std::ptrdiff_t>(b),
                     c.begin() + static_cast<std::ptrdiff_t>(b));
    std::string released;
    EXPECT_EQ(outcome(c, released), "payload failure");
    EXPECT_EQ(released, plain_.substr(0, 40 * kChunk));
}

TEST_F(AgeTamperLong, CutAtABatchBoundaryIsTruncated) {
    std::string released;
    EXPECT_EQ(outcome(cipher_.substr(0, payloadStart_ + 2 * kBatch * kSealedChunk), released),
              "payload failure");
    EXPECT_EQ(released, plain_.substr(0, 2 * kBatch * kChunk));
}

TEST_F(AgeTamperLong, TrailingDataIsAPayloadFailure) {
    std::string released;
    EXPECT_EQ(outcome(cipher_ + "x", released), "payload failure");
    EXPECT_EQ(released, plain_.substr(0, 5 * kBatch * kChunk));
}

}  // namespace
}  // namespace massho::image::test
