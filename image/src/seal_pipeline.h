#pragma once

// Encryption's pipeline: the caller fills batches of chunks, sealer threads (one per core, up to
// four) seal whole batches in parallel — STREAM chunks are independent given their counter — and
// one writer thread writes them to the output in order. Reading, sealing and writing overlap;
// each chunk is read into the place it is sealed in and written from, so nothing is copied per
// chunk. Memory is bounded: at most kMaxBatches batches of kChunksPerBatch chunks exist.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <ostream>
#include <span>
#include <thread>
#include <vector>

#include "chunk_format.h"
#include "massho/image/primitives.h"
#include "massho/image/secret_bytes.h"

namespace massho::image::payload {

constexpr size_t kChunksPerBatch = 32;  // 2 MiB: one write per batch, few hand-overs

// Up to kChunksPerBatch chunks laid out exactly as they are written: chunk i's plaintext at
// i × kSealedChunkSize, sealed in place, its tag right after it, so that the sealed batch is one
// contiguous write. Plaintext, hence SecretBytes (wiped when the batch goes).
struct SealBatch {
    SecretBytes bytes{kChunksPerBatch * kSealedChunkSize};
    size_t plaintext = 0;  // plaintext bytes filled, chunk after chunk
    uint64_t firstCounter = 0;
    bool endsStream = false;  // its last chunk is the stream's final chunk
    bool sealed = false;

    bool full() const { return plaintext == kChunksPerBatch * kChunkSize; }
    // The free plaintext space of the chunk being filled (the next chunk's if this one is full).
    std::span<uint8_t> room();
    // The chunks to seal: at least one (an empty stream has one empty final chunk).
    size_t chunks() const;
    std::span<const uint8_t> sealedBytes() const;
};

class SealPipeline {
  public:
    SealPipeline(std::ostream& out, std::span<const uint8_t> payloadKey);
    ~SealPipeline();  // stops and joins the threads; what was not written is dropped
    SealPipeline(const SealPipeline&) = delete;
    SealPipeline& operator=(const SealPipeline&) = delete;

    // An empty batch to fill; blocks while every batch is in flight. These three calls throw the
    // first error of a sealer or the writer (IoError for a failed write), and keep throwing it.
    SealBatch& take();
    // Hands a filled batch over: it is sealed and written after every batch submitted before it.
    // A stream that fits in one batch is sealed and written right here, without threads.
    void submit(SealBatch& batch);
    // Returns once every submitted batch is written.
    void drain();

  private:
    void startThreads();
    void sealLoop(primitives::ChaCha20Poly1305& aead);
    void writeLoop();
    void writeBatch(const SealBatch& batch);
    void fail(std::exception_ptr error);
    void throwIfFailed() const;

    std::ostream& out_;  // touched only by the writer thread while threads run
    std::vector<primitives::ChaCha20Poly1305> aeads_;  // one context per sealer, key set once
    size_t maxBatches_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::unique_ptr<SealBatch>> batches_;
    std::deque<SealBatch*> free_, toSeal_, toWrite_;  // toWrite_: in stream order
    std::exception_ptr error_;
    bool stopping_ = false;
    std::vector<std::jthread> threads_;
};

}  // namespace massho::image::payload
