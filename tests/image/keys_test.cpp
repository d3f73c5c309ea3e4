// age key strings: Bech32 (BIP 173) recipients and identities as `age` and `age-keygen` use them.

#include <gtest/gtest.h>

#include "age_test_support.h"
#include "massho/image/bech32.h"
#include "massho/image/errors.h"
#include "massho/image/x25519_keys.h"

namespace massho::image::test {
namespace {

// From the CCTV vectors (x25519): a published test identity, not a secret.
constexpr const char* kIdentity =
    "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

TEST(AgeKeys, GeneratedIdentityRoundTripsThroughItsString) {
    X25519Identity id = X25519Identity::generate();
    std::string text = id.toString();
    EXPECT_TRUE(text.starts_with("AGE-SECRET-KEY-1"));
    EXPECT_EQ(text.size(), 74u);
    X25519Identity again = X25519Identity::parse(text);
    EXPECT_EQ(again.toString(), text);
    EXPECT_EQ(again.recipient(), id.recipient());
}

TEST(AgeKeys, RecipientRoundTripsAndHasASha256Fingerprint) {
    X25519Recipient r = X25519Identity::parse(kIdentity).recipient();
    std::string text = r.toString();
    EXPECT_TRUE(text.starts_with("age1"));
    EXPECT_EQ(text.size(), 62u);
    EXPECT_EQ(X25519Recipient::parse(text), r);
    std::string raw(r.bytes().begin(), r.bytes().end());
    EXPECT_EQ(r.fingerprint(), sha256Hex(raw));
}

TEST(AgeKeys, RecipientWithABadChecksumIsRefused) {
    std::string text = X25519Identity::generate().recipient().toString();
    text[10] = text[10] == 'q' ? 'p' : 'q';
    EXPECT_THROW(X25519Recipient::parse(text), KeyFormatError);
}

TEST(AgeKeys, MixedCaseAndWrongCaseAreRefused) {
    std::string recipient = X25519Identity::generate().recipient().toString();
    std::string mixed = recipient;
    size_t letter = mixed.find_first_not_of("0123456789", 4);  // first letter after "age1"
    mixed[letter] = static_cast<char>(std::toupper(mixed[letter]));
    EXPECT_THROW(X25519Recipient::parse(mixed), KeyFormatError);
    std::string upper = recipient;
    for (char& c : upper) c = static_cast<char>(std::toupper(c));
    EXPECT_THROW(X25519Recipient::parse(upper), KeyFormatError);  // HRP must be "age"
    std::string lowerIdentity = kIdentity;
    for (char& c : lowerIdentity) c = static_cast<char>(std::tolower(c));
    EXPECT_THROW(X25519Identity::parse(lowerIdentity), KeyFormatError);
}

TEST(AgeKeys, IdentityAndRecipientAreNotInterchangeable) {
    X25519Identity id = X25519Identity::generate();
    EXPECT_THROW(X25519Identity::parse(id.recipient().toString()), KeyFormatError);
    EXPECT_THROW(X25519Recipient::parse(id.toString()), KeyFormatError);
}

TEST(AgeKeys, ErrorMessagesNeverQuoteTheSecretKey) {
    std::string damaged = kIdentity;
    damaged[20] = damaged[20] == 'Q' ? 'P' : 'Q';
    try {
        X25519Identity::parse(damaged);
        FAIL() << "a damaged identity was accepted";
    } catch (const KeyFormatError& e) {
        EXPECT_EQ(std::string(e.what()).find(damaged.substr(16, 20)), std::string::npos);
    }
}

TEST(AgeKeys, Bech32RejectsTruncatedAndForeignStrings) {
    EXPECT_THROW(bech32::decode(""), KeyFormatError);
    EXPECT_THROW(bech32::decode("age1"), KeyFormatError);
    EXPECT_THROW(bech32::decode("age1qqqqqb"), KeyFormatError);
    EXPECT_THROW(X25519Recipient::parse("ssh-ed25519 AAAA"), KeyFormatError);
    // BIP 173 valid test vector: a correct checksum with a foreign HRP is still not a recipient.
    EXPECT_NO_THROW(bech32::decode("a12uel5l"));
    EXPECT_THROW(X25519Recipient::parse("a12uel5l"), KeyFormatError);
}

}  // namespace
}  // namespace massho::image::test
