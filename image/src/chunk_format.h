#pragma once

// The age v1 payload's chunks (c2sp.org/age "Payload"): 64 KiB of plaintext each, sealed with
// ChaCha20-Poly1305 under nonce = 11-byte big-endian chunk counter ‖ last-chunk flag.

#include <array>
#include <cstddef>
#include <cstdint>

#include "massho/image/primitives.h"

namespace massho::image::payload {

constexpr size_t kChunkSize = 64 * 1024;
constexpr size_t kNonceSize = 16;  // the payload nonce after the header (HKDF salt)
constexpr size_t kTagSize = 16;
constexpr size_t kSealedChunkSize = kChunkSize + kTagSize;

inline std::array<uint8_t, primitives::kChaChaNonceSize> chunkNonce(uint64_t counter, bool last) {
    std::array<uint8_t, primitives::kChaChaNonceSize> nonce{};
    for (int i = 0; i < 8; ++i) nonce[10 - i] = static_cast<uint8_t>(counter >> (8 * i));
    nonce[11] = last ? 1 : 0;
    return nonce;
}

}  // namespace massho::image::payload
