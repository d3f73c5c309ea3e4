#include "massho/records/register/tree_store.h"

#include <bit>

#include "massho/records/register/errors.h"

namespace massho::records {

void TreeStore::appendLeaf(uint64_t index, const Hash& leaf) {
    if (!insert_)
        insert_ = std::make_unique<Statement>(
            db_, "INSERT INTO tree_nodes(level, idx, hash) VALUES(?, ?, ?)");
    auto put = [&](unsigned level, uint64_t i, const Hash& h) {
        insert_->reset();
        insert_->bind(1, int64_t{level}).bind(2, static_cast<int64_t>(i)).bindBlob(3, hashView(h));
        insert_->run();
        insert_->reset();
    };
    put(0, index, leaf);
    Hash h = leaf;
    // A right child completes its parent: climb while the index is odd.
    for (unsigned level = 0; index & 1; ++level, index >>= 1) {
        h = nodeHash(node(level, index - 1), h);
        put(level + 1, index >> 1, h);
    }
}

uint64_t TreeStore::size() const {
    if (!size_)
        size_ = std::make_unique<Statement>(
            db_, "SELECT coalesce(max(idx) + 1, 0) FROM tree_nodes WHERE level = 0");
    size_->reset();
    size_->step();
    uint64_t n = static_cast<uint64_t>(size_->integer(0));
    size_->reset();  // never keep a read snapshot open between calls
    return n;
}

Hash TreeStore::node(unsigned level, uint64_t index) const {
    if (!select_)
        select_ = std::make_unique<Statement>(
            db_, "SELECT hash FROM tree_nodes WHERE level = ? AND idx = ?");
    Statement& select = *select_;
    select.reset();
    select.bind(1, int64_t{level}).bind(2, static_cast<int64_t>(index));
    bool found = select.step();
    std::string bytes = found ? select.blob(0) : std::string();
    select.reset();  // never keep a read snapshot open between calls
    if (!found || bytes.size() != 32)
        throw RecordsError("the stored Merkle tree lacks node " + std::to_string(level) + "/" +
                           std::to_string(index) + ": run massho register verify");
    return hashFromBytes(bytes);
}

Hash TreeStore::subtree(uint64_t begin, uint64_t end) const {
    uint64_t n = end - begin;
    // Left parts of the RFC recursion are perfect and aligned, so they are stored nodes.
    if (std::has_single_bit(n) && begin % n == 0)
        return node(static_cast<unsigned>(std::countr_zero(n)), begin / n);
    uint64_t k = splitPoint(n);
    return nodeHash(subtree(begin, begin + k), subtree(begin + k, end));
}

Hash TreeStore::root(uint64_t size) const {
    if (size == 0) return emptyTreeHash();
    return subtree(0, size);
}

void TreeStore::path(uint64_t index, uint64_t begin, uint64_t end, std::vector<Hash>& out) const {
    uint64_t n = end - begin;
    if (n <= 1) return;
    uint64_t k = splitPoint(n);
    if (index < k) {
        path(index, begin, begin + k, out);
        out.push_back(subtree(begin + k, end));
    } else {
        path(index - k, begin + k, end, out);
        out.push_back(subtree(begin, begin + k));
    }
}

std::vector<Hash> TreeStore::inclusionProof(uint64_t index, uint64_t size) const {
    if (index >= size)
        throw RecordsError("no inclusion proof for entry " + std::to_string(index) +
                           " in a tree of size " + std::to_string(size));
    std::vector<Hash> out;
    path(index, 0, size, out);
    return out;
}

void TreeStore::subproof(uint64_t m, uint64_t begin, uint64_t end, bool whole,
                         std::vector<Hash>& out) const {
    uint64_t n = end - begin;
    if (m == n) {
        if (!whole) out.push_back(subtree(begin, end));
        return;
    }
    uint64_t k = splitPoint(n);
    if (m <= k) {
        subproof(m, begin, begin + k, whole, out);
        out.push_back(subtree(begin + k, end));
    } else {
        subproof(m - k, begin + k, end, false, out);
        out.push_back(subtree(begin, begin + k));
    }
}

std::vector<Hash> TreeStore::consistencyProof(uint64_t size1, uint64_t size2) const {
    if (size1 > size2)
        throw RecordsError("no consistency proof from size " + std::to_string(size1) +
                           " to the smaller size " + std::to_string(size2));
    std::vector<Hash> out;
    if (size1 == 0 || size1 == size2) return out;
    subproof(size1, 0, size2, true, out);
    return out;
}

}  // namespace massho::records
