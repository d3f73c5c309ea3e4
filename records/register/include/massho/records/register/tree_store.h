#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "massho/records/register/database.h"
#include "massho/records/register/merkle.h"

namespace massho::records {

// The Merkle tree kept in SQLite (table tree_nodes): every complete subtree's hash, keyed by
// (level, index) where node (L, i) covers leaves [i·2^L, (i+1)·2^L). Appending stores the leaf and
// the parents it completes; a root or proof for any size reads O(log n) nodes, never rescans.
class TreeStore {
  public:
    explicit TreeStore(Database& db) : db_(db) {}

    // Leaf `index` must be the next one (== current size).
    void appendLeaf(uint64_t index, const Hash& leaf);
    uint64_t size() const;

    Hash root(uint64_t size) const;
    // RFC 6962 §2.1.1 PATH(index, D[0:size]).
    std::vector<Hash> inclusionProof(uint64_t index, uint64_t size) const;
    // RFC 6962 §2.1.2 PROOF(size1, D[0:size2]).
    std::vector<Hash> consistencyProof(uint64_t size1, uint64_t size2) const;
    // A stored node (level, index); throws when absent.
    Hash node(unsigned level, uint64_t index) const;

  private:
    Hash subtree(uint64_t begin, uint64_t end) const;
    void path(uint64_t index, uint64_t begin, uint64_t end, std::vector<Hash>& out) const;
    void subproof(uint64_t m, uint64_t begin, uint64_t end, bool whole,
                  std::vector<Hash>& out) const;

    Database& db_;
    // Prepared once: appends and proofs look up O(log n) nodes each.
    mutable std::unique_ptr<Statement> select_, size_;
    std::unique_ptr<Statement> insert_;
};

}  // namespace massho::records
