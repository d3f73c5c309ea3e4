#pragma once

// Where verification reads a register from (verify.cpp): a massho.db or an export folder.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "massho/records/register/merkle.h"

namespace massho::records::detail {

// Thrown inside verification to stop at the first problem; turned into the report.
struct Finding {
    std::optional<uint64_t> index;
    std::string problem;
};

// The stored tree's level-0 node read beside an entry (a database keeps the tree for proofs).
struct StoredLeaf {
    bool present = false;  // false: the stored tree has no more leaves
    uint64_t index = 0;
    bool wellFormed = false;  // 32 bytes, as the schema demands
    Hash hash{};
};

// Entries and checkpoints are read in order by one thread at a time (the reader thread while
// verification runs); the other calls are made before or after it.
class Source {
  public:
    virtual ~Source() = default;
    // The next entry; `bytes` stays valid until the next call.
    virtual bool nextEntry(uint64_t& index, std::string_view& bytes) = 0;
    // The next stored checkpoint; `note` stays valid until the next call.
    virtual bool nextCheckpoint(uint64_t& size, std::string_view& note) = 0;
    // Sources that store the tree: the leaf stored for the entry nextEntry just returned.
    virtual bool storesLeaves() const { return false; }
    virtual StoredLeaf nextStoredLeaf() { return {}; }
    virtual std::vector<std::pair<uint64_t, std::string>> cosignatures() = 0;
    virtual std::optional<std::string> ownVkey() = 0;
    // Each leaf in index order, after its entry was checked (an export checks its hash tiles).
    virtual void onLeaf(uint64_t, const Hash&) {}
    virtual void finalCheck(uint64_t) {}
    virtual const char* kind() const = 0;
};

// A data directory, a massho.db file or an export folder; throws RecordsError when it is none.
std::unique_ptr<Source> openSource(const std::filesystem::path& path);

}  // namespace massho::records::detail
