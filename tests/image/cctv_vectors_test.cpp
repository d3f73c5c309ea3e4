// Every C2SP CCTV age vector using X25519 or scrypt (c2sp.org/CCTV/age): success vectors decrypt
// to the stated payload hash, failures are rejected with the class the vector names, and a
// payload failure releases exactly the plaintext the vector's hash covers.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "age_test_support.h"

namespace massho::image::test {
namespace {

namespace fs = std::filesystem;

// The suite's 143 vectors less the 19 that need ML-KEM hybrid keys, which are outside age v1 and
// not vendored (tests/vectors/README.md).
constexpr size_t kVectorsVendored = 124;

fs::path ageVectorsDir() {
    return vectorsDir() / "age" / "testdata";
}

struct Vector {
    std::multimap<std::string, std::string> fields;
    std::string body;  // the age file, inflated if it was compressed

    std::string field(const std::string& key) const {
        auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    }
    bool needsHybrid() const {
        auto [b, e] = fields.equal_range("identity");
        return std::any_of(
            b, e, [](const auto& kv) { return kv.second.starts_with("AGE-SECRET-KEY-PQ-"); });
    }
};

Vector loadVector(const std::string& name) {
    std::string raw = readFile(ageVectorsDir() / name);
    Vector v;
    size_t pos = 0;
    for (;;) {
        size_t end = raw.find('\n', pos);
        if (end == std::string::npos) throw std::runtime_error(name + ": no blank line");
        std::string line = raw.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) break;
        size_t colon = line.find(": ");
        if (colon == std::string::npos) throw std::runtime_error(name + ": bad line " + line);
        v.fields.emplace(line.substr(0, colon), line.substr(colon + 2));
    }
    v.body = raw.substr(pos);
    if (v.field("compressed") == "zlib") v.body = inflateZlib(v.body);
    return v;
}

std::vector<std::string> vectorNames() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(ageVectorsDir(), ec))
        if (e.is_regular_file()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class CctvVector : public ::testing::TestWithParam<std::string> {};

TEST_P(CctvVector, DecryptsOrFailsAsTheVectorSays) {
    Vector v = loadVector(GetParam());
    ASSERT_FALSE(v.needsHybrid()) << "ML-KEM hybrid identity: outside age v1, do not vendor it";
    DecryptionKeys keys;
    auto [ib, ie] = v.fields.equal_range("identity");
    for (auto it = ib; it != ie; ++it) keys.identities.push_back(X25519Identity::parse(it->second));
    auto [pb, pe] = v.fields.equal_range("passphrase");
    for (auto it = pb; it != pe; ++it) keys.passphrases.emplace_back(it->second);

    std::string plaintext;
    std::string outcome = decryptOutcome(v.body, keys, plaintext);
    EXPECT_EQ(outcome, v.field("expect")) << v.field("comment");
    if (!v.field("payload").empty()) {
        EXPECT_EQ(sha256Hex(plaintext), v.field("payload"));
    }
    if (v.field("expect") != "success" && v.field("expect") != "payload failure") {
        EXPECT_TRUE(plaintext.empty()) << "plaintext released although the header failed";
    }
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Cctv, CctvVector, ::testing::ValuesIn(vectorNames()), testName);

// Guards against a missing or misplaced vector folder, which would instantiate no test at all.
TEST(CctvSuite, RunsEveryVendoredVector) {
    size_t run = 0;
    for (const auto& name : vectorNames()) run += loadVector(name).needsHybrid() ? 0 : 1;
    std::cout << "CCTV age vectors: " << run << " run from " << ageVectorsDir() << "\n";
    EXPECT_EQ(vectorNames().size(), kVectorsVendored);
    EXPECT_EQ(run, kVectorsVendored);
}

}  // namespace
}  // namespace massho::image::test
