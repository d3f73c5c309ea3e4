#include "seal_pipeline.h"

#include <algorithm>

#include "massho/image/errors.h"

namespace massho::image::payload {
namespace {

// Two contexts fill two cores; more than four sealers would only add memory.
size_t sealerCount() {
    return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
}

// Every chunk is sealed in place: its tag lands in the 16 bytes after it.
void sealBatch(SealBatch& batch, primitives::ChaCha20Poly1305& aead) {
    size_t chunks = batch.chunks();
    for (size_t i = 0; i < chunks; ++i) {
        size_t size = i + 1 < chunks ? kChunkSize : batch.plaintext - i * kChunkSize;
        bool last = batch.endsStream && i + 1 == chunks;
        auto slot = batch.bytes.span().subspan(i * kSealedChunkSize, size + kTagSize);
        aead.seal(chunkNonce(batch.firstCounter + i, last), slot.first(size), slot);
    }
}

}  // namespace

std::span<uint8_t> SealBatch::room() {
    size_t chunk = plaintext / kChunkSize, used = plaintext % kChunkSize;
    return bytes.span().subspan(chunk * kSealedChunkSize + used, kChunkSize - used);
}

size_t SealBatch::chunks() const {
    return std::max<size_t>(1, (plaintext + kChunkSize - 1) / kChunkSize);
}

std::span<const uint8_t> SealBatch::sealedBytes() const {
    size_t n = chunks();
    return bytes.span().first((n - 1) * kSealedChunkSize + (plaintext - (n - 1) * kChunkSize) +
                              kTagSize);
}

SealPipeline::SealPipeline(std::ostream& out, std::span<const uint8_t> payloadKey) : out_(out) {
    size_t sealers = sealerCount();
    aeads_.reserve(sealers);
    for (size_t i = 0; i < sealers; ++i) aeads_.emplace_back(payloadKey);
    // One batch being filled, one per sealer, one being written, one ready to go.
    maxBatches_ = sealers + 3;
}

SealPipeline::~SealPipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    threads_.clear();  // joins; a writer in the middle of a write finishes that write first
}

SealBatch& SealPipeline::take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || !free_.empty() || batches_.size() < maxBatches_; });
    throwIfFailed();
    SealBatch* batch = nullptr;
    if (!free_.empty()) {
        batch = free_.front();
        free_.pop_front();
    } else {
        batch = batches_.emplace_back(std::make_unique<SealBatch>()).get();
    }
    batch->plaintext = 0;
    batch->endsStream = false;
    batch->sealed = false;
    return *batch;
}

void SealPipeline::submit(SealBatch& batch) {
    std::unique_lock lock(mutex_);
    throwIfFailed();
    if (threads_.empty() && batch.endsStream) {
        lock.unlock();
        sealBatch(batch, aeads_.front());
        writeBatch(batch);
        lock.lock();
        free_.push_back(&batch);
        return;
    }
    if (threads_.empty()) startThreads();
    toSeal_.push_back(&batch);
    toWrite_.push_back(&batch);
    lock.unlock();
    changed_.notify_all();
}

void SealPipeline::drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || (toSeal_.empty() && toWrite_.empty()); });
    throwIfFailed();
}

// Called with mutex_ held; the threads wait for it before they look at anything.
void SealPipeline::startThreads() {
    threads_.reserve(aeads_.size() + 1);
    for (auto& aead : aeads_) threads_.emplace_back([this, &aead] { sealLoop(aead); });
    threads_.emplace_back([this] { writeLoop(); });
}

void SealPipeline::sealLoop(primitives::ChaCha20Poly1305& aead) {
    try {
        for (;;) {
            SealBatch* batch = nullptr;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stopping_ || !toSeal_.empty(); });
                if (stopping_) return;
                batch = toSeal_.front();
                toSeal_.pop_front();
            }
            // The batch is this thread's alone until it is marked sealed under the lock.
            sealBatch(*batch, aead);
            {
                std::lock_guard lock(mutex_);
                batch->sealed = true;
            }
            changed_.notify_all();
        }
    } catch (...) {
        fail(std::current_exception());
    }
}

void SealPipeline::writeLoop() {
    try {
        for (;;) {
            SealBatch* batch = nullptr;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] {
                    return stopping_ || (!toWrite_.empty() && toWrite_.front()->sealed);
                });
                if (stopping_) return;
                batch = toWrite_.front();  // stays queued until written: drain() waits for it
            }
            writeBatch(*batch);
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

void SealPipeline::writeBatch(const SealBatch& batch) {
    auto bytes = batch.sealedBytes();
    out_.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    if (!out_) throw IoError("writing the output failed; check free space and the medium");
}

// The first error wins; every thread stops and the caller's next take/submit/drain throws it.
void SealPipeline::fail(std::exception_ptr error) {
    {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::move(error);
        stopping_ = true;
    }
    changed_.notify_all();
}

void SealPipeline::throwIfFailed() const {
    if (error_) std::rethrow_exception(error_);
}

}  // namespace massho::image::payload
