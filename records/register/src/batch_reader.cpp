#include "batch_reader.h"

#include <algorithm>

namespace massho::records::detail {

void EntryBatch::clear() {
    indexes.clear();
    bytes.clear();
    ends.clear();
    stored.clear();
    checkpointText.clear();
    checkpoints.clear();
    readError.reset();
    failure = nullptr;
    last = false;
}

BatchReader::BatchReader(Source& source, size_t capacity)
    : source_(source), capacity_(std::max<size_t>(1, capacity)) {
    free_ = {&batches_[0], &batches_[1]};
    thread_ = std::thread([this] { run(); });
}

BatchReader::~BatchReader() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

EntryBatch& BatchReader::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty(); });
    EntryBatch* batch = ready_.front();
    ready_.pop_front();
    return *batch;
}

void BatchReader::recycle(EntryBatch& batch) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(&batch);
    }
    changed_.notify_all();
}

void BatchReader::run() {
    for (;;) {
        EntryBatch* batch = nullptr;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || !free_.empty(); });
            if (stop_) return;
            batch = free_.front();
            free_.pop_front();
        }
        fill(*batch);
        const bool last = batch->last;
        {
            std::lock_guard lock(mutex_);
            ready_.push_back(batch);
        }
        changed_.notify_all();
        if (last) return;
    }
}

void BatchReader::fill(EntryBatch& batch) {
    batch.clear();
    try {
        try {
            uint64_t index = 0;
            std::string_view bytes;
            while (batch.size() < capacity_ && source_.nextEntry(index, bytes)) {
                batch.indexes.push_back(index);
                batch.bytes.append(bytes);
                batch.ends.push_back(batch.bytes.size());
                if (source_.storesLeaves()) batch.stored.push_back(source_.nextStoredLeaf());
            }
            entriesDone_ = batch.size() < capacity_;
        } catch (const Finding& f) {
            batch.readError = f;
            entriesDone_ = true;
        }
        readCheckpoints(batch);
        batch.last = entriesDone_;
    } catch (...) {
        batch.failure = std::current_exception();
        batch.last = true;
    }
}

void BatchReader::readCheckpoints(EntryBatch& batch) {
    const uint64_t end = batch.size() ? batch.indexes.back() + 1 : 0;
    // Bounded too: sizes that do not advance (an export's list out of order) stop the
    // verification at the first of them anyway.
    for (size_t read = 0; !checkpointsDone_ && read <= capacity_ &&
                          (!lastCheckpointSize_ || *lastCheckpointSize_ <= end);
         ++read) {
        StoredCheckpoint c;
        try {
            std::string_view text;
            if (!source_.nextCheckpoint(c.size, text)) {
                checkpointsDone_ = true;
                return;
            }
            c.begin = batch.checkpointText.size();
            batch.checkpointText.append(text);
            c.end = batch.checkpointText.size();
            lastCheckpointSize_ = c.size;
        } catch (const Finding& f) {
            c.readError = f;
            checkpointsDone_ = true;
        }
        batch.checkpoints.push_back(std::move(c));
    }
}

}  // namespace massho::records::detail
