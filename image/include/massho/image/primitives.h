#pragma once

// Thin wrappers over the OpenSSL 3 primitives age v1 is built from. Every primitive comes from
// OpenSSL (EVP_PKEY_derive, EVP_KDF, EVP_MAC, EVP_chacha20_poly1305, RAND_bytes); these functions
// only fix parameters and own the OpenSSL objects. Failures throw CryptoError, except where a
// failure is an expected outcome (AEAD open, X25519 all-zero result) and is returned instead.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "massho/image/secret_bytes.h"

namespace massho::image::primitives {

constexpr size_t kX25519KeySize = 32;
constexpr size_t kChaChaKeySize = 32;
constexpr size_t kChaChaNonceSize = 12;
constexpr size_t kPoly1305TagSize = 16;
constexpr size_t kSha256Size = 32;

// Fills `out` from the OpenSSL CSPRNG.
void randomBytes(std::span<uint8_t> out);

// X25519 (RFC 7748 §5): the public key of a 32-byte private scalar.
std::array<uint8_t, kX25519KeySize> x25519PublicKey(std::span<const uint8_t> privateKey);

// X25519 shared secret; std::nullopt when OpenSSL refuses it (the all-zero result of a low-order
// peer point, RFC 7748 §6.1). Throws CryptoError on malformed sizes.
std::optional<SecretBytes> x25519SharedSecret(std::span<const uint8_t> privateKey,
                                              std::span<const uint8_t> peerPublicKey);

// HKDF-SHA-256 (RFC 5869), extract and expand. An empty salt is allowed.
SecretBytes hkdfSha256(std::span<const uint8_t> ikm, std::span<const uint8_t> salt,
                       std::span<const uint8_t> info, size_t outputLength);

// HMAC-SHA-256 (RFC 2104).
std::array<uint8_t, kSha256Size> hmacSha256(std::span<const uint8_t> key,
                                            std::span<const uint8_t> message);

// SHA-256 of `data`.
std::array<uint8_t, kSha256Size> sha256(std::span<const uint8_t> data);

// scrypt (RFC 7914) with N = 2^logN; OpenSSL's memory cap is raised to what N and r need.
SecretBytes scrypt(std::span<const uint8_t> passphrase, std::span<const uint8_t> salt, int logN,
                   uint64_t r, uint64_t p, size_t outputLength);

// ChaCha20-Poly1305 (RFC 8439) with its key set once, for many messages (STREAM chunks): one
// OpenSSL context reused, only the nonce changes per message. The context wipes the key.
class ChaCha20Poly1305 {
  public:
    explicit ChaCha20Poly1305(std::span<const uint8_t> key);
    ~ChaCha20Poly1305();
    ChaCha20Poly1305(ChaCha20Poly1305&&) noexcept;
    ChaCha20Poly1305& operator=(ChaCha20Poly1305&&) noexcept;

    // Writes ciphertext ‖ 16-byte tag into `out` (plaintext.size() + 16 bytes); returns its size.
    // `out` may start at `plaintext` (sealing in place); no other overlap is allowed.
    size_t seal(std::span<const uint8_t> nonce, std::span<const uint8_t> plaintext,
                std::span<uint8_t> out, std::span<const uint8_t> aad = {});
    // Opens ciphertext ‖ tag into `out`; false (and `out` wiped) when the tag does not verify.
    bool open(std::span<const uint8_t> nonce, std::span<const uint8_t> sealed,
              std::span<uint8_t> out, std::span<const uint8_t> aad = {});

  private:
    struct CtxFree {
        void operator()(void* ctx) const;
    };
    std::unique_ptr<void, CtxFree> ctx_;  // an EVP_CIPHER_CTX, kept out of this header
};

// One-shot ChaCha20-Poly1305 (RFC 8439): returns ciphertext ‖ 16-byte tag.
std::vector<uint8_t> chachaSeal(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
                                std::span<const uint8_t> plaintext,
                                std::span<const uint8_t> aad = {});

// Seals into `out` (which must hold plaintext.size() + 16 bytes); returns bytes written.
size_t chachaSealInto(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
                      std::span<const uint8_t> plaintext, std::span<uint8_t> out,
                      std::span<const uint8_t> aad = {});

// Opens ciphertext ‖ tag into `out` (at least sealed.size() - 16 bytes). False when the tag does
// not verify (nothing in `out` may then be used) or `sealed` is shorter than a tag.
bool chachaOpenInto(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
                    std::span<const uint8_t> sealed, std::span<uint8_t> out,
                    std::span<const uint8_t> aad = {});

}  // namespace massho::image::primitives
