// Wycheproof (C2SP/wycheproof) vectors for the four primitives age uses, run against the thin
// OpenSSL wrappers in massho/image/primitives.h that the age code calls.

#include <gtest/gtest.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <functional>
#include <iostream>
#include <string>

#include "age_test_support.h"
#include "massho/image/errors.h"
#include "massho/image/primitives.h"

namespace massho::image::test {
namespace {

namespace p = primitives;

std::vector<uint8_t> hexField(const QJsonObject& o, const char* key) {
    return fromHex(o.value(key).toString().toStdString());
}

// Calls `check(group, test)` for every test case of the file; returns the number of cases.
size_t forEachCase(const std::string& file,
                   const std::function<void(const QJsonObject&, const QJsonObject&)>& check) {
    std::string json = readFile(vectorsDir() / "wycheproof" / file);
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << file;
    size_t count = 0;
    for (const auto& group : doc.object().value("testGroups").toArray()) {
        for (const auto& test : group.toObject().value("tests").toArray()) {
            check(group.toObject(), test.toObject());
            ++count;
        }
    }
    EXPECT_EQ(static_cast<qint64>(count), doc.object().value("numberOfTests").toInteger()) << file;
    std::cout << file << ": " << count << " cases\n";
    return count;
}

std::string label(const QJsonObject& test) {
    return "tcId " + std::to_string(test.value("tcId").toInt()) + " (" +
           test.value("comment").toString().toStdString() + ")";
}

TEST(Wycheproof, X25519SharedSecrets) {
    size_t n = forEachCase("x25519_test.json", [](const QJsonObject&, const QJsonObject& t) {
        auto shared = hexField(t, "shared");
        auto got = p::x25519SharedSecret(hexField(t, "private"), hexField(t, "public"));
        bool allZero = std::all_of(shared.begin(), shared.end(), [](uint8_t b) { return b == 0; });
        if (allZero) {
            // age refuses the all-zero secret of a low-order point (c2sp.org/age X25519).
            EXPECT_FALSE(got.has_value()) << label(t);
        } else {
            ASSERT_TRUE(got.has_value()) << label(t);
            EXPECT_EQ(toHex(got->span()), toHex(shared)) << label(t);
        }
    });
    EXPECT_EQ(n, 518u);
}

TEST(Wycheproof, ChaCha20Poly1305) {
    size_t n =
        forEachCase("chacha20_poly1305_test.json", [](const QJsonObject&, const QJsonObject& t) {
            auto key = hexField(t, "key"), iv = hexField(t, "iv"), aad = hexField(t, "aad");
            auto msg = hexField(t, "msg"), ct = hexField(t, "ct"), tag = hexField(t, "tag");
            std::vector<uint8_t> sealed = ct;
            sealed.insert(sealed.end(), tag.begin(), tag.end());
            bool valid = t.value("result").toString() == "valid";
            std::vector<uint8_t> opened(sealed.size());
            bool ok = false;
            try {
                ok = p::chachaOpenInto(key, iv, sealed, opened, aad);
            } catch (const CryptoError&) {
                ok = false;  // the wrapper accepts only 96-bit nonces, as age uses
            }
            EXPECT_EQ(ok, valid) << label(t);
            if (valid) {
                opened.resize(msg.size());
                EXPECT_EQ(toHex(opened), toHex(msg)) << label(t);
                EXPECT_EQ(toHex(p::chachaSeal(key, iv, msg, aad)), toHex(sealed)) << label(t);
            }
        });
    EXPECT_EQ(n, 325u);
}

TEST(Wycheproof, HkdfSha256) {
    size_t n = forEachCase("hkdf_sha256_test.json", [](const QJsonObject&, const QJsonObject& t) {
        bool valid = t.value("result").toString() == "valid";
        auto size = static_cast<size_t>(t.value("size").toInt());
        try {
            auto okm =
                p::hkdfSha256(hexField(t, "ikm"), hexField(t, "salt"), hexField(t, "info"), size);
            EXPECT_TRUE(valid) << label(t);
            EXPECT_EQ(toHex(okm.span()), toHex(hexField(t, "okm"))) << label(t);
        } catch (const CryptoError&) {
            EXPECT_FALSE(valid) << label(t);
        }
    });
    EXPECT_EQ(n, 86u);
}

TEST(Wycheproof, HmacSha256) {
    size_t n = forEachCase("hmac_sha256_test.json", [](const QJsonObject& g, const QJsonObject& t) {
        bool valid = t.value("result").toString() == "valid";
        auto tagBytes = static_cast<size_t>(g.value("tagSize").toInt() / 8);
        auto mac = p::hmacSha256(hexField(t, "key"), hexField(t, "msg"));
        auto expected = hexField(t, "tag");
        bool equal = expected.size() == tagBytes &&
                     std::equal(expected.begin(), expected.end(), mac.begin());
        EXPECT_EQ(equal, valid) << label(t);
    });
    EXPECT_EQ(n, 174u);
}

}  // namespace
}  // namespace massho::image::test
