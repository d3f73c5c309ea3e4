#include "chunk_pipeline.h"

#include <algorithm>

namespace massho::image::payload {
namespace {

// Two contexts fill two cores; more than four workers would only add memory.
size_t workerCount() {
    return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
}

}  // namespace

ChunkPipeline::ChunkPipeline(std::ostream& out, std::span<const uint8_t> payloadKey,
                             Process process, Write write)
    : out_(out), process_(std::move(process)), write_(std::move(write)) {
    size_t workers = workerCount();
    aeads_.reserve(workers);
    for (size_t i = 0; i < workers; ++i) aeads_.emplace_back(payloadKey);
    // One batch being filled, one per worker, one being written, one ready to go.
    maxBatches_ = workers + 3;
}

ChunkPipeline::~ChunkPipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    threads_.clear();  // joins; a writer in the middle of a write finishes that write first
}

ChunkBatch& ChunkPipeline::take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || !free_.empty() || batches_.size() < maxBatches_; });
    throwIfFailed();
    ChunkBatch* batch = nullptr;
    if (!free_.empty()) {
        batch = free_.front();
        free_.pop_front();
    } else {
        batch = batches_.emplace_back(std::make_unique<ChunkBatch>()).get();
    }
    batch->filled = 0;
    batch->endsStream = false;
    batch->processed = false;
    batch->releasedBytes = 0;
    batch->failure = nullptr;
    return *batch;
}

void ChunkPipeline::submit(ChunkBatch& batch) {
    std::unique_lock lock(mutex_);
    throwIfFailed();
    if (threads_.empty() && batch.endsStream) {
        lock.unlock();
        process_(batch, aeads_.front());
        write_(batch, out_);
        lock.lock();
        free_.push_back(&batch);
        return;
    }
    if (threads_.empty()) startThreads();
    toProcess_.push_back(&batch);
    toWrite_.push_back(&batch);
    lock.unlock();
    changed_.notify_all();
}

void ChunkPipeline::drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || (toProcess_.empty() && toWrite_.empty()); });
    throwIfFailed();
}

// Called with mutex_ held; the threads wait for it before they look at anything.
void ChunkPipeline::startThreads() {
    threads_.reserve(aeads_.size() + 1);
    for (auto& aead : aeads_) threads_.emplace_back([this, &aead] { workLoop(aead); });
    threads_.emplace_back([this] { writeLoop(); });
}

void ChunkPipeline::workLoop(primitives::ChaCha20Poly1305& aead) {
    try {
        for (;;) {
            ChunkBatch* batch = nullptr;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stopping_ || !toProcess_.empty(); });
                if (stopping_) return;
                batch = toProcess_.front();
                toProcess_.pop_front();
            }
            // The batch is this thread's alone until it is marked processed under the lock.
            process_(*batch, aead);
            {
                std::lock_guard lock(mutex_);
                batch->processed = true;
            }
            changed_.notify_all();
        }
    } catch (...) {
        fail(std::current_exception());
    }
}

void ChunkPipeline::writeLoop() {
    try {
        for (;;) {
            ChunkBatch* batch = nullptr;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] {
                    return stopping_ || (!toWrite_.empty() && toWrite_.front()->processed);
                });
                if (stopping_) return;
                batch = toWrite_.front();  // stays queued until written: drain() waits for it
            }
            write_(*batch, out_);
            {
                std::lock_guard lock(mutex_);
                toWrite_.pop_front();
                free_.push_back(batch);
            }
            changed_.notify_all();
        }
    } catch (...) {
        fail(std::current_exception());
    }
}

// The first error wins; every thread stops and the caller's next take/submit/drain throws it.
void ChunkPipeline::fail(std::exception_ptr error) {
    {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::move(error);
        stopping_ = true;
    }
    changed_.notify_all();
}

void ChunkPipeline::throwIfFailed() const {
    if (error_) std::rethrow_exception(error_);
}

}  // namespace massho::image::payload
