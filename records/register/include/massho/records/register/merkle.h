#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

// RFC 6962 §2.1 = RFC 9162 §2.1 Merkle tree hashing over SHA-256.
using Hash = std::array<unsigned char, 32>;

std::string_view hashView(const Hash& h);
Hash hashFromBytes(std::string_view bytes);          // exactly 32 bytes, else RecordsError
Hash leafHash(std::string_view entry);               // SHA-256(0x00 ‖ entry)
Hash nodeHash(const Hash& left, const Hash& right);  // SHA-256(0x01 ‖ left ‖ right)
Hash emptyTreeHash();                                // SHA-256("")

// Largest power of two strictly below n (n ≥ 2): the RFC's split point k.
uint64_t splitPoint(uint64_t n);

// RFC 9162 §2.1.3.2: does `proof` show leaf `leaf` at `index` in the tree of `size` with `root`?
bool verifyInclusion(uint64_t index, uint64_t size, const Hash& leaf,
                     const std::vector<Hash>& proof, const Hash& root);

// RFC 9162 §2.1.4.2: is the tree (size2, root2) an append-only extension of (size1, root1)?
bool verifyConsistency(uint64_t size1, uint64_t size2, const Hash& root1, const Hash& root2,
                       const std::vector<Hash>& proof);

// The perfect subtrees covering leaves [0, n) ("compact range"): append is amortised O(1) and
// the root of the current size costs popcount(n) - 1 hashes. Used by verification to get the root
// after every leaf without storing the tree.
class CompactRange {
  public:
    void append(const Hash& leaf);
    // Appends a whole perfect subtree of 2^level leaves, given its root; size() must be a
    // multiple of 2^level. The same as appending its leaves one by one, in O(log n) hashes.
    void appendSubtree(const Hash& subtreeRoot, unsigned level);
    Hash root() const;
    // The root of this range followed by leaves whose own compact range folds to `tailRoot`
    // (their CompactRange::root()), when size() is a multiple of a power of two at least as
    // large as their count: verification computes the roots inside each aligned piece of the
    // tree on its own, then adds the range before the piece with popcount(size()) hashes.
    Hash rootWith(const Hash& tailRoot) const;
    uint64_t size() const { return size_; }

  private:
    Hash rootWith(Hash h, size_t subtrees) const;

    std::vector<Hash> stack_;  // left to right, strictly decreasing subtree sizes
    uint64_t size_ = 0;
};

}  // namespace massho::records
