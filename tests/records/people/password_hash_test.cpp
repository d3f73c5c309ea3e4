#include "massho/records/people/password_hash.h"

#include <gtest/gtest.h>

#include "massho/base/base64.h"
#include "massho/base/hex.h"

using namespace massho::records;

TEST(PasswordHash, Rfc7914Vectors) {
    // RFC 7914 §12, first two vectors.
    EXPECT_EQ(massho::base::hexEncode(scrypt("", "", {4, 1, 1}, 64)),
              "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a"
              "753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    EXPECT_EQ(massho::base::hexEncode(scrypt("password", "NaCl", {10, 8, 16}, 64)),
              "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff1"
              "09279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
}

TEST(PasswordHash, VerifiesOnlyTheRightPasswordAndSaltsEachHash) {
    std::string a = hashPassword("correct horse battery");
    std::string b = hashPassword("correct horse battery");
    EXPECT_NE(a, b);
    EXPECT_TRUE(a.starts_with("scrypt$15$8$1$"));
    EXPECT_EQ(a.find("correct"), std::string::npos);
    EXPECT_TRUE(verifyPassword("correct horse battery", a));
    EXPECT_FALSE(verifyPassword("correct horse batterz", a));
    EXPECT_FALSE(verifyPassword("correct horse battery", "scrypt$15$8$1$00$00"));
    EXPECT_FALSE(verifyPassword("correct horse battery", "garbage"));
}
