#include "massho/records/register/merkle.h"

#include <gtest/gtest.h>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/database.h"
#include "massho/records/register/tree_store.h"
#include "massho/testsupport/temp_dir.h"

using namespace massho::records;
using massho::testsupport::TempDir;

namespace {

// RFC 6962 §2.1 MTH written out literally, independent of TreeStore and CompactRange.
Hash naiveRoot(const std::vector<Hash>& leaves, size_t begin, size_t end) {
    if (end - begin == 1) return leaves[begin];
    size_t k = 1;
    while (k * 2 < end - begin) k *= 2;
    return nodeHash(naiveRoot(leaves, begin, begin + k), naiveRoot(leaves, begin + k, end));
}

class TreeTest : public ::testing::Test {
  protected:
    TreeTest() : db(dir / "massho.db", Database::Mode::Create), tree(db) {
        for (uint64_t i = 0; i < kLeaves; ++i) {
            leaves.push_back(leafHash("entry " + std::to_string(i)));
            tree.appendLeaf(i, leaves.back());
        }
    }
    static constexpr uint64_t kLeaves = 70;
    TempDir dir;
    Database db;
    TreeStore tree;
    std::vector<Hash> leaves;
};

}  // namespace

TEST(Merkle, EmptyTreeAndLeafHashes) {
    EXPECT_EQ(massho::base::hexEncode(hashView(emptyTreeHash())),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // Leaf and node prefixes per RFC 6962 §2.1: recomputed here with plain SHA-256 inputs.
    Hash a = leafHash("a"), b = leafHash("b");
    EXPECT_NE(a, b);
    EXPECT_NE(nodeHash(a, b), nodeHash(b, a));
    // The empty leaf's hash from the Certificate Transparency reference test data.
    EXPECT_EQ(massho::base::hexEncode(hashView(leafHash(""))),
              "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

TEST_F(TreeTest, RootsMatchTheRfcDefinitionAtEverySize) {
    CompactRange range;
    EXPECT_EQ(tree.root(0), emptyTreeHash());
    for (uint64_t n = 1; n <= kLeaves; ++n) {
        range.append(leaves[n - 1]);
        Hash expected = naiveRoot(leaves, 0, n);
        EXPECT_EQ(tree.root(n), expected) << n;
        EXPECT_EQ(range.root(), expected) << n;
    }
    EXPECT_EQ(tree.size(), kLeaves);
}

TEST_F(TreeTest, InclusionProofsVerifyAndDetectChanges) {
    for (uint64_t n = 1; n <= kLeaves; n += 3) {
        Hash root = tree.root(n);
        for (uint64_t i = 0; i < n; ++i) {
            auto proof = tree.inclusionProof(i, n);
            ASSERT_TRUE(verifyInclusion(i, n, leaves[i], proof, root)) << i << "/" << n;
            if (n > 1) {
                EXPECT_FALSE(verifyInclusion(i, n, leaves[(i + 1) % n], proof, root));
                auto bad = proof;
                bad[0][0] ^= 1;
                EXPECT_FALSE(verifyInclusion(i, n, leaves[i], bad, root));
            }
        }
    }
}

TEST_F(TreeTest, ConsistencyProofsVerifyAndDetectForks) {
    for (uint64_t m = 0; m <= kLeaves; m += 1)
        for (uint64_t n = m; n <= kLeaves; n += 7) {
            auto proof = tree.consistencyProof(m, n);
            ASSERT_TRUE(verifyConsistency(m, n, tree.root(m), tree.root(n), proof))
                << m << "->" << n;
            if (m > 0 && m < n) {
                Hash other = tree.root(m);
                other[5] ^= 0x40;
                EXPECT_FALSE(verifyConsistency(m, n, other, tree.root(n), proof));
                EXPECT_FALSE(verifyConsistency(m, n, tree.root(m), other, proof));
            }
        }
}
