#pragma once

// The age v1 payload (c2sp.org/age "Payload"): a 16-byte nonce, then the STREAM construction
// over 64 KiB ChaCha20-Poly1305 chunks (chunk_format.h).

#include <array>
#include <cstdint>
#include <istream>
#include <ostream>
#include <vector>

#include "chunk_format.h"
#include "chunk_pipeline.h"
#include "massho/image/byte_source.h"
#include "massho/image/primitives.h"
#include "massho/image/secret_bytes.h"

namespace massho::image::payload {

// HMAC-SHA-256 of the header bytes under HKDF(file key, salt = "", info = "header").
std::array<uint8_t, 32> headerMac(const SecretBytes& fileKey, std::span<const uint8_t> macInput);

// payload key = HKDF(file key, salt = nonce, info = "payload").
SecretBytes payloadKey(const SecretBytes& fileKey, std::span<const uint8_t> nonce);

// Encrypts through a ChunkPipeline: fills its batches (from the caller's buffers, or straight
// from an istream), hands each over once a byte is known to follow it — so the final chunk, which
// may be full, is flagged — and seals the final chunk in finish(). Errors of the pipeline's
// threads are thrown by the next write, writeFrom or finish.
class Encryptor {
  public:
    Encryptor(std::ostream& out, const SecretBytes& key);
    void write(std::span<const uint8_t> data);
    void writeFrom(std::istream& in);  // to its end, read straight into the chunks' places
    void finish();  // seals the final chunk (full, short, or empty only when nothing was written)
    bool finished() const { return finished_; }
    uint64_t plaintextBytes() const { return total_; }

  private:
    std::span<uint8_t> room();  // call only when at least one more byte follows
    void requireOpen() const;
    std::ostream& out_;
    ChunkPipeline pipeline_;
    ChunkBatch* batch_ = nullptr;  // being filled; owned by pipeline_
    uint64_t counter_ = 0;         // of batch_'s first chunk
    uint64_t total_ = 0;
    bool finished_ = false;
};

// Reads the nonce and every chunk from `in`, writing each chunk's plaintext to `out` only after
// its tag verified, and every chunk before it was written (chunks are opened in parallel by a
// ChunkPipeline, released in order). Throws HeaderError (missing nonce), PayloadError (bad tag,
// truncation, trailing data, misplaced empty chunk) or IoError. Returns the plaintext byte count.
uint64_t decrypt(ByteSource& in, std::ostream& out, const SecretBytes& fileKey);

}  // namespace massho::image::payload
