#pragma once

// The age v1 payload (c2sp.org/age "Payload"): a 16-byte nonce, then the STREAM construction
// over 64 KiB ChaCha20-Poly1305 chunks with nonce = 11-byte big-endian counter ‖ last flag.

#include <array>
#include <cstdint>
#include <ostream>
#include <vector>

#include "massho/image/byte_source.h"
#include "massho/image/primitives.h"
#include "massho/image/secret_bytes.h"

namespace massho::image::payload {

constexpr size_t kChunkSize = 64 * 1024;
constexpr size_t kNonceSize = 16;
constexpr size_t kTagSize = 16;
constexpr size_t kSealedChunkSize = kChunkSize + kTagSize;

// HMAC-SHA-256 of the header bytes under HKDF(file key, salt = "", info = "header").
std::array<uint8_t, 32> headerMac(const SecretBytes& fileKey, std::span<const uint8_t> macInput);

// payload key = HKDF(file key, salt = nonce, info = "payload").
SecretBytes payloadKey(const SecretBytes& fileKey, std::span<const uint8_t> nonce);

// Encrypts chunk by chunk; holds at most one chunk of plaintext.
class Encryptor {
  public:
    Encryptor(std::ostream& out, const SecretBytes& key);
    void write(std::span<const uint8_t> data);
    void finish();  // seals the final chunk (full, short, or empty only when nothing was written)
    bool finished() const { return finished_; }
    uint64_t plaintextBytes() const { return total_; }

  private:
    void sealChunk(std::span<const uint8_t> plaintext, bool last);
    std::ostream& out_;
    primitives::ChaCha20Poly1305 aead_;
    SecretBytes plain_;
    size_t filled_ = 0;
    std::vector<uint8_t> sealed_;
    uint64_t counter_ = 0;
    uint64_t total_ = 0;
    bool finished_ = false;
};

// Reads the nonce and every chunk from `in`, writing each chunk's plaintext to `out` only after
// its tag verified. Throws HeaderError (missing nonce), PayloadError (bad tag, truncation,
// trailing data, misplaced empty chunk) or IoError. Returns the plaintext byte count.
uint64_t decrypt(ByteSource& in, std::ostream& out, const SecretBytes& fileKey);

}  // namespace massho::image::payload
