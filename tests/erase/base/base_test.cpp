// massho_base: the shared vocabulary. Published vectors (FIPS 180-4 examples, RFC 4648 §10) and
// the strictness the register and the age header rely on.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/error.h"
#include "massho/base/hex.h"
#include "massho/base/information_class.h"

namespace base = massho::base;

TEST(Digest, Sha256MatchesThePublishedExamples) {
    EXPECT_EQ(base::sha256Hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(base::sha256Hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Hex, LowerCaseTwoDigitsPerByte) {
    EXPECT_EQ(base::hexEncode(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
    const std::vector<uint8_t> bytes{0xde, 0xad};
    EXPECT_EQ(base::hexEncode(bytes), "dead");
}

TEST(Base64, Rfc4648TestVectorsRoundTrip) {
    const std::vector<std::pair<std::string, std::string>> vectors = {{"", ""},
                                                                      {"f", "Zg=="},
                                                                      {"fo", "Zm8="},
                                                                      {"foo", "Zm9v"},
                                                                      {"foob", "Zm9vYg=="},
                                                                      {"fooba", "Zm9vYmE="},
                                                                      {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(base::base64::encode(plain), encoded);
        EXPECT_EQ(base::base64::decode(encoded), plain) << encoded;
    }
}

TEST(Base64, OnlyTheCanonicalEncodingIsAccepted) {
    EXPECT_FALSE(base::base64::decode("Zg="));     // short padding
    EXPECT_FALSE(base::base64::decode("Zh=="));    // non-zero pad bits
    EXPECT_FALSE(base::base64::decode("Zm9v\n"));  // whitespace
    EXPECT_FALSE(base::base64::decode("Zm 9"));
    EXPECT_FALSE(base::base64::decodeUnpadded("Zg=="));  // '=' in the unpadded form
    EXPECT_FALSE(base::base64::decodeUnpadded("Z"));     // six bits are not a byte
    EXPECT_FALSE(base::base64::decodeUnpadded("Zh"));    // non-zero trailing bits
    EXPECT_EQ(base::base64::decodeUnpadded("Zm8"), (std::vector<uint8_t>{'f', 'o'}));
    EXPECT_EQ(base::base64::encodeUnpadded(std::vector<uint8_t>{'f'}), "Zg");
}

TEST(Error, CarriesItsCategoryAndOneLineMessage) {
    const base::Error e(base::ErrorCategory::Refused, "approval missing: ask a supervisor");
    EXPECT_EQ(e.category(), base::ErrorCategory::Refused);
    EXPECT_STREQ(e.what(), "approval missing: ask a supervisor");
}

TEST(InformationClass, OneToFourAsTypedNothingElse) {
    for (int c = 1; c <= 4; ++c) EXPECT_TRUE(base::isInformationClass(c));
    EXPECT_FALSE(base::isInformationClass(0));
    EXPECT_FALSE(base::isInformationClass(5));
    EXPECT_EQ(base::parseInformationClass("3"), 3);
    EXPECT_FALSE(base::parseInformationClass("0"));
    EXPECT_FALSE(base::parseInformationClass("5"));
    EXPECT_FALSE(base::parseInformationClass("03"));
    EXPECT_FALSE(base::parseInformationClass(" 3"));
    EXPECT_FALSE(base::parseInformationClass(""));
}
