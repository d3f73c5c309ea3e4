#pragma once

// Reading a register ahead of its verification (verify.cpp), on a thread of its own.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "verify_source.h"

namespace massho::records::detail {

// A stored checkpoint as read: its size and where its text is in EntryBatch::checkpointText.
struct StoredCheckpoint {
    uint64_t size = 0;
    size_t begin = 0, end = 0;
    std::optional<Finding> readError;  // the source could not deliver it: raised in order
};

// Entries read in order, with what was read beside them. Kept in a few flat buffers reused from
// batch to batch: a million entries cost no million allocations.
struct EntryBatch {
    std::vector<uint64_t> indexes;
    std::string bytes;               // the entries back to back
    std::vector<size_t> ends;        // entry i ends at ends[i] in bytes
    std::vector<StoredLeaf> stored;  // per entry, when the source stores the tree
    std::string checkpointText;      // the checkpoints read after these entries, back to back
    std::vector<StoredCheckpoint> checkpoints;  // in source order
    std::optional<Finding> readError;           // raised after the entries before it
    std::exception_ptr failure;                 // the source failed outright
    bool last = false;                          // no batch follows

    size_t size() const { return indexes.size(); }
    std::string_view entry(size_t i) const {
        const size_t begin = i == 0 ? 0 : ends[i - 1];
        return std::string_view(bytes).substr(begin, ends[i] - begin);
    }
    std::string_view checkpoint(const StoredCheckpoint& c) const {
        return std::string_view(checkpointText).substr(c.begin, c.end - c.begin);
    }
    void clear();
};

// Fills batches of up to `capacity` entries from the source on its own thread while the caller
// checks the previous one (two batches circulate: memory stays bounded whatever the register's
// size). After the entries of a batch it reads the checkpoints up to the first beyond them, so
// the one a batch's last entry needs is always at hand. Every source read happens on that thread.
class BatchReader {
  public:
    BatchReader(Source& source, size_t capacity);
    ~BatchReader();  // stops and joins the thread
    BatchReader(const BatchReader&) = delete;
    BatchReader& operator=(const BatchReader&) = delete;

    // The next filled batch (waits for it); the caller rethrows its failure.
    EntryBatch& next();
    // Hands a checked batch back to be refilled.
    void recycle(EntryBatch& batch);

  private:
    void run();
    void fill(EntryBatch& batch);
    void readCheckpoints(EntryBatch& batch);

    Source& source_;
    const size_t capacity_;
    bool entriesDone_ = false, checkpointsDone_ = false;
    std::optional<uint64_t> lastCheckpointSize_;
    EntryBatch batches_[2];
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<EntryBatch*> free_, ready_;
    bool stop_ = false;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace massho::records::detail
