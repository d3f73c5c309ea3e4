#pragma once

// The payload's pipeline, for encryption and decryption alike: the caller's thread fills batches
// of chunks, worker threads (one per core, up to four) seal or open whole batches in parallel —
// STREAM chunks are independent given their counter — and one writer thread writes them to the
// output in stream order. Reading, the AEAD and writing overlap; each chunk is read into the
// place where it is sealed or opened and written from, so nothing is copied per chunk. Memory is
// bounded: at most workers + 3 batches of kChunksPerBatch chunks exist
// (encrypting 2 MiB each, decrypting 4 MiB).

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
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

// Up to kChunksPerBatch chunks in their sealed layout: chunk i at i × kSealedChunkSize, its
// plaintext first and its tag in the 16 bytes after. Encryption seals in place; decryption opens
// into `plain` (out of place, so that a chunk refused under one nonce can be tried under the
// other to name the error). Both hold plaintext, hence SecretBytes (wiped when the batch goes).
struct ChunkBatch {
    SecretBytes bytes{kChunksPerBatch * kSealedChunkSize};
    SecretBytes plain;  // decrypting only: kChunksPerBatch × 64 KiB, allocated on first use
    size_t filled = 0;  // bytes the caller put in: plaintext (encrypting) or sealed (decrypting)
    uint64_t firstCounter = 0;
    bool endsStream = false;  // its last chunk is the stream's final chunk
    bool processed = false;
    size_t releasedBytes = 0;    // decrypting: plaintext of the chunks authenticated, in order
    std::exception_ptr failure;  // decrypting: why the next chunk was refused, thrown in order
};

class ChunkPipeline {
  public:
    // On a worker: seal or open `batch` with that worker's context (key set once).
    using Process = std::function<void(ChunkBatch& batch, primitives::ChaCha20Poly1305& aead)>;
    // On the writer: write what `batch` releases to `out`; throws to stop the stream.
    using Write = std::function<void(const ChunkBatch& batch, std::ostream& out)>;

    ChunkPipeline(std::ostream& out, std::span<const uint8_t> payloadKey, Process process,
                  Write write);
    ~ChunkPipeline();  // stops and joins the threads; what was not written is dropped
    ChunkPipeline(const ChunkPipeline&) = delete;
    ChunkPipeline& operator=(const ChunkPipeline&) = delete;

    // An empty batch to fill; blocks while every batch is in flight. These three calls throw the
    // first error of a worker or the writer (e.g. IoError for a failed write), and keep throwing.
    ChunkBatch& take();
    // Hands a filled batch over: it is processed, then written after every batch submitted
    // before it. A stream that fits in one batch is processed and written here, without threads.
    void submit(ChunkBatch& batch);
    // Returns once every submitted batch is written.
    void drain();

  private:
    void startThreads();
    void workLoop(primitives::ChaCha20Poly1305& aead);
    void writeLoop();
    void fail(std::exception_ptr error);
    void throwIfFailed() const;

    std::ostream& out_;  // touched only by the writer thread while threads run
    std::vector<primitives::ChaCha20Poly1305> aeads_;  // one context per worker
    Process process_;
    Write write_;
    size_t maxBatches_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::unique_ptr<ChunkBatch>> batches_;
    std::deque<ChunkBatch*> free_, toProcess_, toWrite_;  // toWrite_: in stream order
    std::exception_ptr error_;
    bool stopping_ = false;
    std::vector<std::jthread> threads_;
};

}  // namespace massho::image::payload
