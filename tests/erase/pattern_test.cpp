#include "massho/erase/pattern.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <memory>
#include <vector>

namespace massho::erase {
namespace {

std::vector<uint8_t> fillAt(const PatternSource& p, uint64_t offset, std::size_t length) {
    std::vector<uint8_t> out(length, 0xEE);
    p.fill(offset, out);
    return out;
}

std::vector<uint8_t> hex(const std::string& text) {
    std::vector<uint8_t> out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        out.push_back(static_cast<uint8_t>(std::stoul(text.substr(i, 2), nullptr, 16)));
    }
    return out;
}

KeystreamKey keyFrom(const std::string& key, const std::string& iv) {
    KeystreamKey k;
    auto kb = hex(key), ib = hex(iv);
    std::copy(kb.begin(), kb.end(), k.key.begin());
    std::copy(ib.begin(), ib.end(), k.iv.begin());
    return k;
}

// AES-128(key, block) through ECB: an independent way to compute one keystream block.
std::vector<uint8_t> aesBlock(const KeystreamKey& k, const std::array<uint8_t, 16>& block) {
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        EVP_CIPHER_CTX_free);
    EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, k.key.data(), nullptr);
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    std::vector<uint8_t> out(16);
    int n = 0;
    EVP_EncryptUpdate(ctx.get(), out.data(), &n, block.data(), 16);
    return out;
}

TEST(Pattern, ConstantFillsEveryByte) {
    auto p = makeConstantPattern(0xA5);
    EXPECT_EQ(fillAt(*p, 12345, 777), std::vector<uint8_t>(777, 0xA5));
    EXPECT_EQ(p->describe(), "0xA5");
    EXPECT_EQ(p->period(), 1u);
}

TEST(Pattern, RepeatingPhaseFollowsTheAbsoluteOffset) {
    const std::vector<uint8_t> bytes{0x92, 0x49, 0x24};
    auto p = makeRepeatingPattern(bytes);
    EXPECT_EQ(p->describe(), "0x92 0x49 0x24");
    const auto whole = fillAt(*p, 0, 10000);
    for (uint64_t offset : {1u, 2u, 7u, 512u, 4097u, 8191u}) {
        for (std::size_t length : {1u, 2u, 3u, 5u, 1000u}) {
            auto part = fillAt(*p, offset, length);
            for (std::size_t i = 0; i < length; ++i) {
                ASSERT_EQ(part[i], bytes[(offset + i) % 3]) << offset << "+" << i;
                ASSERT_EQ(part[i], whole[offset + i]);
            }
        }
    }
}

TEST(Pattern, RepeatingRefusesAnEmptyPattern) {
    EXPECT_THROW(makeRepeatingPattern({}), std::invalid_argument);
}

// NIST SP 800-38A F.5.1 (CTR-AES128.Encrypt): keystream = ciphertext XOR plaintext.
TEST(Pattern, KeystreamMatchesNistSp800_38aCtrVector) {
    auto p = makeKeystreamPattern(
        keyFrom("2b7e151628aed2a6abf7158809cf4f3c", "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
    const auto plain =
        hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
            "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    const auto cipher =
        hex("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
            "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee");
    std::vector<uint8_t> expected(64);
    for (std::size_t i = 0; i < 64; ++i) expected[i] = plain[i] ^ cipher[i];
    EXPECT_EQ(fillAt(*p, 0, 64), expected);
    // Block 3 alone (offset 32) and a slice starting mid-block.
    EXPECT_EQ(fillAt(*p, 32, 16),
              std::vector<uint8_t>(expected.begin() + 32, expected.begin() + 48));
    EXPECT_EQ(fillAt(*p, 21, 30),
              std::vector<uint8_t>(expected.begin() + 21, expected.begin() + 51));
}

TEST(Pattern, KeystreamAtAnyOffsetIsTheSliceOfOneLongKeystream) {
    auto p = makeKeystreamPattern(
        keyFrom("000102030405060708090a0b0c0d0e0f", "00000000000000000123456789abcdef"));
    const auto whole = fillAt(*p, 0, 1 << 20);
    for (uint64_t offset : {1u, 15u, 16u, 17u, 4095u, 65537u, 999999u}) {
        const std::size_t length = std::min<std::size_t>(4099, whole.size() - offset);
        auto part = fillAt(*p, offset, length);
        ASSERT_TRUE(std::equal(part.begin(), part.end(), whole.begin() + static_cast<long>(offset)))
            << "offset " << offset;
    }
}

// The counter is the whole 128-bit IV: adding the block number carries past the low 64 bits.
TEST(Pattern, KeystreamCounterCarriesAcross64Bits) {
    const auto key =
        keyFrom("000102030405060708090a0b0c0d0e0f", "0000000000000007fffffffffffffffe");
    auto p = makeKeystreamPattern(key);
    const uint64_t block = 5;  // IV + 5 = 00..08 00..03
    std::array<uint8_t, 16> counter{};
    counter[7] = 0x08;
    counter[15] = 0x03;
    EXPECT_EQ(fillAt(*p, block * 16, 16), aesBlock(key, counter));
}

TEST(Pattern, RandomPatternsDifferAndLookRandom) {
    auto a = makeRandomPattern(), b = makeRandomPattern();
    auto x = fillAt(*a, 0, 4096), y = fillAt(*b, 0, 4096);
    EXPECT_NE(x, y);
    EXPECT_NE(x, std::vector<uint8_t>(4096, 0));
    EXPECT_EQ(a->describe(), "random (AES-128-CTR)");
    EXPECT_FALSE(a->period().has_value());
}

TEST(Pattern, ComplementInvertsEveryByteOfItsBase) {
    auto base = makeRandomPattern();
    auto c = makeComplementPattern(*base, "complement of pass 1");
    for (uint64_t offset : {0u, 3u, 4099u}) {
        auto b = fillAt(*base, offset, 1001), n = fillAt(*c, offset, 1001);
        for (std::size_t i = 0; i < b.size(); ++i) ASSERT_EQ(n[i], static_cast<uint8_t>(~b[i]));
    }
    EXPECT_EQ(c->describe(), "complement of pass 1");
    auto constant = makeConstantPattern(0x55);
    EXPECT_EQ(fillAt(*makeComplementPattern(*constant, "c"), 5, 9), std::vector<uint8_t>(9, 0xAA));
}

// Verification XORs the regenerated keystream into what it read: matching bytes become zero.
TEST(Pattern, XorIntoCancelsExactlyTheMatchingBytes) {
    auto base = makeRandomPattern();
    auto complement = makeComplementPattern(*base, "complement of pass 1");
    for (const PatternSource* p : {base.get(), complement.get()}) {
        auto data = fillAt(*p, 4097, 10000);
        data[1234] ^= 0x01;
        ASSERT_TRUE(p->xorInto(4097, data));
        for (std::size_t i = 0; i < data.size(); ++i) {
            ASSERT_EQ(data[i], i == 1234 ? 0x01 : 0x00) << p->describe() << " byte " << i;
        }
    }
    auto constant = makeConstantPattern(0x00);
    std::vector<uint8_t> untouched(16, 0x42);
    EXPECT_FALSE(constant->xorInto(0, untouched));
    EXPECT_EQ(untouched, std::vector<uint8_t>(16, 0x42));
}

}  // namespace
}  // namespace massho::erase
