#include "massho/image/primitives.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>
#include <string>

#include "massho/image/errors.h"

namespace massho::image::primitives {
namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct KdfFree {
    void operator()(EVP_KDF* p) const { EVP_KDF_free(p); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX* p) const { EVP_KDF_CTX_free(p); }
};
struct MacFree {
    void operator()(EVP_MAC* p) const { EVP_MAC_free(p); }
};
struct MacCtxFree {
    void operator()(EVP_MAC_CTX* p) const { EVP_MAC_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using Kdf = std::unique_ptr<EVP_KDF, KdfFree>;
using KdfCtx = std::unique_ptr<EVP_KDF_CTX, KdfCtxFree>;
using Mac = std::unique_ptr<EVP_MAC, MacFree>;
using MacCtx = std::unique_ptr<EVP_MAC_CTX, MacCtxFree>;

[[noreturn]] void fail(const char* what) {
    throw CryptoError(std::string(what) + " failed in OpenSSL; check the OpenSSL 3 installation");
}

void requireSize(std::span<const uint8_t> bytes, size_t size, const char* what) {
    if (bytes.size() != size) throw CryptoError(std::string(what) + " has the wrong length");
}

// OpenSSL's octet-string params take a non-const pointer and reject NULL even for length 0
// (so HKDF with an empty salt needs a non-NULL pointer).
OSSL_PARAM octets(const char* key, std::span<const uint8_t> bytes) {
    static unsigned char empty = 0;
    auto* p = bytes.empty() ? &empty : const_cast<unsigned char*>(bytes.data());
    return OSSL_PARAM_construct_octet_string(key, p, bytes.size());
}

KdfCtx newKdf(const char* name) {
    Kdf kdf(EVP_KDF_fetch(nullptr, name, nullptr));
    if (!kdf) fail(name);
    KdfCtx ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) fail(name);
    return ctx;
}

Pkey rawX25519(std::span<const uint8_t> key, bool isPrivate) {
    requireSize(key, kX25519KeySize, "X25519 key");
    EVP_PKEY* p =
        isPrivate ? EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, key.data(), key.size())
                  : EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, key.data(), key.size());
    if (p == nullptr) fail("X25519 key import");
    return Pkey(p);
}

int intLength(size_t n) {
    if (n > static_cast<size_t>(INT_MAX)) throw CryptoError("input too large for one AEAD call");
    return static_cast<int>(n);
}

}  // namespace

void randomBytes(std::span<uint8_t> out) {
    if (out.empty()) return;
    if (RAND_bytes(out.data(), intLength(out.size())) != 1) fail("RAND_bytes");
}

std::array<uint8_t, kX25519KeySize> x25519PublicKey(std::span<const uint8_t> privateKey) {
    Pkey key = rawX25519(privateKey, true);
    std::array<uint8_t, kX25519KeySize> pub{};
    size_t len = pub.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1 || len != pub.size())
        fail("X25519 public key");
    return pub;
}

std::optional<SecretBytes> x25519SharedSecret(std::span<const uint8_t> privateKey,
                                              std::span<const uint8_t> peerPublicKey) {
    Pkey own = rawX25519(privateKey, true);
    Pkey peer = rawX25519(peerPublicKey, false);
    PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1) fail("X25519 derive setup");
    if (EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1) fail("X25519 peer");
    SecretBytes secret(kX25519KeySize);
    size_t len = secret.size();
    // OpenSSL refuses the all-zero shared secret of a low-order point (RFC 7748 §6.1).
    if (EVP_PKEY_derive(ctx.get(), secret.data(), &len) != 1) return std::nullopt;
    if (len != kX25519KeySize) fail("X25519 derive");
    return secret;
}

SecretBytes hkdfSha256(std::span<const uint8_t> ikm, std::span<const uint8_t> salt,
                       std::span<const uint8_t> info, size_t outputLength) {
    KdfCtx ctx = newKdf("HKDF");
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        octets(OSSL_KDF_PARAM_KEY, ikm),
        octets(OSSL_KDF_PARAM_SALT, salt),
        octets(OSSL_KDF_PARAM_INFO, info),
        OSSL_PARAM_construct_end(),
    };
    SecretBytes out(outputLength);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) fail("HKDF-SHA-256");
    return out;
}

std::array<uint8_t, kSha256Size> hmacSha256(std::span<const uint8_t> key,
                                            std::span<const uint8_t> message) {
    Mac mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac) fail("HMAC fetch");
    MacCtx ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx) fail("HMAC context");
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    static const unsigned char emptyKey = 0;
    const unsigned char* k = key.empty() ? &emptyKey : key.data();
    if (EVP_MAC_init(ctx.get(), k, key.size(), params) != 1) fail("HMAC init");
    if (EVP_MAC_update(ctx.get(), message.data(), message.size()) != 1) fail("HMAC update");
    std::array<uint8_t, kSha256Size> out{};
    size_t len = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &len, out.size()) != 1 || len != out.size())
        fail("HMAC final");
    return out;
}

std::array<uint8_t, kSha256Size> sha256(std::span<const uint8_t> data) {
    std::array<uint8_t, kSha256Size> out{};
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) != 1)
        fail("SHA-256");
    return out;
}

SecretBytes scrypt(std::span<const uint8_t> passphrase, std::span<const uint8_t> salt, int logN,
                   uint64_t r, uint64_t p, size_t outputLength) {
    if (logN < 1 || logN > 40) throw CryptoError("scrypt work factor out of range");
    KdfCtx ctx = newKdf("SCRYPT");
    uint64_t n = uint64_t{1} << logN;
    // OpenSSL's default cap (32 MiB; maxmem_bytes, EVP_KDF-SCRYPT(7)) is below what log N = 18
    // needs; allow 128·r·N bytes of V plus 128·r·(p + 2) bytes of working blocks, with slack.
    uint64_t maxMem = 128 * r * n + 128 * r * (p + 2) + (uint64_t{1} << 20);
    OSSL_PARAM params[] = {
        octets(OSSL_KDF_PARAM_PASSWORD, passphrase),
        octets(OSSL_KDF_PARAM_SALT, salt),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMem),
        OSSL_PARAM_construct_end(),
    };
    SecretBytes out(outputLength);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) fail("scrypt");
    return out;
}

namespace {

void addAad(EVP_CIPHER_CTX* ctx, std::span<const uint8_t> aad) {
    if (aad.empty()) return;
    int len = 0;
    if (EVP_CipherUpdate(ctx, nullptr, &len, aad.data(), intLength(aad.size())) != 1)
        fail("ChaCha20-Poly1305 AAD");
}

}  // namespace

void ChaCha20Poly1305::CtxFree::operator()(void* ctx) const {
    EVP_CIPHER_CTX_free(static_cast<EVP_CIPHER_CTX*>(ctx));
}

ChaCha20Poly1305::ChaCha20Poly1305(std::span<const uint8_t> key) : ctx_(EVP_CIPHER_CTX_new()) {
    requireSize(key, kChaChaKeySize, "ChaCha20-Poly1305 key");
    if (!ctx_) fail("cipher context");
    auto* ctx = static_cast<EVP_CIPHER_CTX*>(ctx_.get());
    if (EVP_CipherInit_ex2(ctx, EVP_chacha20_poly1305(), key.data(), nullptr, 1, nullptr) != 1)
        fail("ChaCha20-Poly1305 init");
}

ChaCha20Poly1305::~ChaCha20Poly1305() = default;
ChaCha20Poly1305::ChaCha20Poly1305(ChaCha20Poly1305&&) noexcept = default;
ChaCha20Poly1305& ChaCha20Poly1305::operator=(ChaCha20Poly1305&&) noexcept = default;

size_t ChaCha20Poly1305::seal(std::span<const uint8_t> nonce, std::span<const uint8_t> plaintext,
                              std::span<uint8_t> out, std::span<const uint8_t> aad) {
    requireSize(nonce, kChaChaNonceSize, "ChaCha20-Poly1305 nonce");
    if (out.size() < plaintext.size() + kPoly1305TagSize)
        throw CryptoError("seal buffer too small");
    auto* ctx = static_cast<EVP_CIPHER_CTX*>(ctx_.get());
    // Key kept from the constructor; a new nonce restarts the AEAD state.
    if (EVP_CipherInit_ex2(ctx, nullptr, nullptr, nonce.data(), 1, nullptr) != 1)
        fail("ChaCha20-Poly1305 nonce");
    addAad(ctx, aad);
    int len = 0;
    if (!plaintext.empty() && EVP_EncryptUpdate(ctx, out.data(), &len, plaintext.data(),
                                                intLength(plaintext.size())) != 1)
        fail("ChaCha20-Poly1305 encrypt");
    int finalLen = 0;
    if (EVP_EncryptFinal_ex(ctx, out.data() + len, &finalLen) != 1) fail("ChaCha20-Poly1305 final");
    size_t written = static_cast<size_t>(len) + static_cast<size_t>(finalLen);
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, kPoly1305TagSize, out.data() + written) !=
        1)
        fail("ChaCha20-Poly1305 tag");
    return written + kPoly1305TagSize;
}

bool ChaCha20Poly1305::open(std::span<const uint8_t> nonce, std::span<const uint8_t> sealed,
                            std::span<uint8_t> out, std::span<const uint8_t> aad) {
    requireSize(nonce, kChaChaNonceSize, "ChaCha20-Poly1305 nonce");
    if (sealed.size() < kPoly1305TagSize) return false;
    size_t ctLen = sealed.size() - kPoly1305TagSize;
    if (out.size() < ctLen) throw CryptoError("open buffer too small");
    auto* ctx = static_cast<EVP_CIPHER_CTX*>(ctx_.get());
    if (EVP_CipherInit_ex2(ctx, nullptr, nullptr, nonce.data(), 0, nullptr) != 1)
        fail("ChaCha20-Poly1305 nonce");
    addAad(ctx, aad);
    int len = 0;
    if (ctLen > 0 && EVP_DecryptUpdate(ctx, out.data(), &len, sealed.data(), intLength(ctLen)) != 1)
        return false;
    // The expected tag is set before Final, which compares it in constant time.
    auto* tag = const_cast<unsigned char*>(sealed.data() + ctLen);
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, kPoly1305TagSize, tag) != 1)
        fail("ChaCha20-Poly1305 tag");
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx, out.data() + len, &finalLen) != 1) {
        OPENSSL_cleanse(out.data(), ctLen);
        return false;
    }
    return true;
}

size_t chachaSealInto(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
                      std::span<const uint8_t> plaintext, std::span<uint8_t> out,
                      std::span<const uint8_t> aad) {
    return ChaCha20Poly1305(key).seal(nonce, plaintext, out, aad);
}

std::vector<uint8_t> chachaSeal(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
                                std::span<const uint8_t> plaintext, std::span<const uint8_t> aad) {
    std::vector<uint8_t> out(plaintext.size() + kPoly1305TagSize);
    out.resize(chachaSealInto(key, nonce, plaintext, out, aad));
    return out;
}

bool chachaOpenInto(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
                    std::span<const uint8_t> sealed, std::span<uint8_t> out,
                    std::span<const uint8_t> aad) {
    return ChaCha20Poly1305(key).open(nonce, sealed, out, aad);
}

}  // namespace massho::image::primitives
