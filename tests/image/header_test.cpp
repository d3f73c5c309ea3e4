// The age header codec: canonical stanza encoding and the strict, bounded parser.

#include "massho/image/header.h"

#include <gtest/gtest.h>

#include <sstream>

#include "massho/base/base64.h"
#include "massho/image/errors.h"

namespace massho::image::test {
namespace {

std::string withMac(const std::vector<Stanza>& stanzas) {
    return encodeHeaderForMac(stanzas) + " " +
           base::base64::encodeUnpadded(std::vector<uint8_t>(32, 7)) + "\n";
}

Header parse(const std::string& text, const HeaderLimits& limits = {}) {
    std::istringstream in(text);
    return readHeader(in, limits);
}

TEST(AgeHeader, StanzaBodiesOfEverySizeRoundTrip) {
    for (size_t size : {0, 1, 47, 48, 49, 96, 200}) {
        Stanza s{"grease-type", {"a", "b!~"}, std::vector<uint8_t>(size, 0xA5)};
        std::string text = withMac({s});
        Header h = parse(text);
        ASSERT_EQ(h.stanzas.size(), 1u);
        EXPECT_EQ(h.stanzas[0].type, s.type);
        EXPECT_EQ(h.stanzas[0].args, s.args);
        EXPECT_EQ(h.stanzas[0].body, s.body) << size;
        EXPECT_EQ(h.macInput, encodeHeaderForMac({s}));
        EXPECT_EQ(h.mac[0], 7);
    }
}

TEST(AgeHeader, ABodyFillingWholeLinesEndsWithAnEmptyLine) {
    std::string encoded = encodeStanza({"t", {}, std::vector<uint8_t>(48, 1)});
    EXPECT_TRUE(encoded.ends_with("\n\n"));
    EXPECT_EQ(encoded.size(), std::string("-> t\n").size() + 64 + 1 + 1);
}

TEST(AgeHeader, ParsingStopsRightAfterTheMacLine) {
    std::istringstream in(withMac({{"t", {}, {}}}) + "PAYLOAD");
    readHeader(in);
    std::string rest;
    in >> rest;
    EXPECT_EQ(rest, "PAYLOAD");
}

TEST(AgeHeader, LimitsAreEnforced) {
    std::vector<Stanza> many(5, Stanza{"t", {}, {}});
    HeaderLimits limits;
    limits.maxStanzas = 4;
    EXPECT_THROW(parse(withMac(many), limits), HeaderError);
    limits = {};
    limits.maxLineBytes = 100;
    EXPECT_THROW(parse(withMac({{"t", {std::string(200, 'x')}, {}}}), limits), HeaderError);
    limits = {};
    limits.maxBytes = 64;
    EXPECT_THROW(parse(withMac({{"t", {}, std::vector<uint8_t>(100, 1)}}), limits), HeaderError);
}

TEST(AgeHeader, MalformedHeadersAreHeaderFailures) {
    std::string good = withMac({{"t", {"x"}, {1, 2, 3}}});
    EXPECT_NO_THROW(parse(good));
    EXPECT_THROW(parse(""), HeaderError);
    EXPECT_THROW(parse("age-encryption.org/v1\n--- " + good.substr(good.size() - 44)), HeaderError)
        << "a header without stanzas";
    EXPECT_THROW(parse(good.substr(0, good.size() - 1)), HeaderError) << "no final newline";
    std::string badArg = good;
    badArg.replace(badArg.find("-> t x"), 6, "-> t \x7f");
    EXPECT_THROW(parse(badArg), HeaderError);
}

TEST(AgeBase64, CanonicalUnpaddedOnly) {
    EXPECT_EQ(base::base64::decodeUnpadded("AQID"), (std::vector<uint8_t>{1, 2, 3}));
    EXPECT_EQ(base::base64::decodeUnpadded("AQ"), (std::vector<uint8_t>{1}));
    EXPECT_FALSE(base::base64::decodeUnpadded("AR"));    // non-zero trailing bits
    EXPECT_FALSE(base::base64::decodeUnpadded("AQ=="));  // padding
    EXPECT_FALSE(base::base64::decodeUnpadded("A"));     // 6 bits are not a byte
    EXPECT_FALSE(base::base64::decodeUnpadded("AQ\n"));  // whitespace
    EXPECT_EQ(base::base64::decodePadded("AQ=="), (std::vector<uint8_t>{1}));
    EXPECT_FALSE(base::base64::decodePadded("AQ"));
    EXPECT_FALSE(base::base64::decodePadded("AR=="));
}

}  // namespace
}  // namespace massho::image::test
