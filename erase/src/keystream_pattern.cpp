#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "massho/erase/pattern.h"

namespace massho::erase {
namespace {

struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

constexpr std::size_t kBlock = 16;

// IV + blocks as 128-bit big-endian numbers (NIST SP 800-38A B.1: the counter wraps mod 2^128).
std::array<uint8_t, 16> addToCounter(const std::array<uint8_t, 16>& iv, uint64_t blocks) {
    std::array<uint8_t, 16> counter = iv;
    unsigned carry = 0;
    for (int i = 15; i >= 0; --i) {
        unsigned addend = i >= 8 ? static_cast<unsigned>((blocks >> (8 * (15 - i))) & 0xFF) : 0;
        unsigned sum = counter[static_cast<std::size_t>(i)] + addend + carry;
        counter[static_cast<std::size_t>(i)] = static_cast<uint8_t>(sum);
        carry = sum >> 8;
    }
    return counter;
}

class KeystreamPattern final : public PatternSource {
  public:
    explicit KeystreamPattern(const KeystreamKey& key) : key_(key) {}
    ~KeystreamPattern() override { OPENSSL_cleanse(&key_, sizeof key_); }
    KeystreamPattern(const KeystreamPattern&) = delete;
    KeystreamPattern& operator=(const KeystreamPattern&) = delete;

    // The keystream is AES-CTR encryption of zeros; start at the block holding `offset` and
    // drop the bytes before it.
    void fill(uint64_t offset, std::span<uint8_t> out) const override {
        if (out.empty()) return;
        CipherCtx ctx = contextAt(offset);
        encryptZeros(ctx.get(), out.data(), out.size());
    }
    // AES-CTR encryption is exactly data ^= keystream.
    bool xorInto(uint64_t offset, std::span<uint8_t> data) const override {
        if (data.empty()) return true;
        CipherCtx ctx = contextAt(offset);
        encryptInPlace(ctx.get(), data.data(), data.size());
        return true;
    }
    std::optional<std::size_t> period() const override { return std::nullopt; }
    std::string describe() const override { return "random (AES-128-CTR)"; }

  private:
    // A CTR context positioned at byte `offset` of the keystream: the counter of the block that
    // holds it, with the bytes before it in that block dropped.
    CipherCtx contextAt(uint64_t offset) const {
        const auto counter = addToCounter(key_.iv, offset / kBlock);
        CipherCtx ctx(EVP_CIPHER_CTX_new());
        if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ctr(), nullptr, key_.key.data(),
                                       counter.data()) != 1) {
            throw std::runtime_error(
                "OpenSSL AES-128-CTR is unavailable: check the OpenSSL install");
        }
        if (const auto skip = static_cast<std::size_t>(offset % kBlock)) {
            uint8_t discard[kBlock];
            encryptZeros(ctx.get(), discard, skip);
        }
        return ctx;
    }
    static void encryptInPlace(EVP_CIPHER_CTX* ctx, uint8_t* data, std::size_t length) {
        constexpr std::size_t kMaxStep = std::size_t{1} << 30;  // EVP takes an int length
        while (length > 0) {
            const int step = static_cast<int>(std::min(length, kMaxStep));
            int produced = 0;
            if (EVP_EncryptUpdate(ctx, data, &produced, data, step) != 1 || produced != step) {
                throw std::runtime_error("OpenSSL AES-128-CTR failed while verifying a pattern");
            }
            data += step;
            length -= static_cast<std::size_t>(step);
        }
    }
    // Encrypts zeros from a small block that stays in cache, instead of clearing the whole
    // output first: one pass over memory instead of two.
    static void encryptZeros(EVP_CIPHER_CTX* ctx, uint8_t* out, std::size_t length) {
        static const std::array<uint8_t, 64 * 1024> kZeros{};
        while (length > 0) {
            const int step = static_cast<int>(std::min(length, kZeros.size()));
            int produced = 0;
            if (EVP_EncryptUpdate(ctx, out, &produced, kZeros.data(), step) != 1 ||
                produced != step) {
                throw std::runtime_error("OpenSSL AES-128-CTR failed while generating a pattern");
            }
            out += step;
            length -= static_cast<std::size_t>(step);
        }
    }
    KeystreamKey key_;
};

}  // namespace

std::unique_ptr<PatternSource> makeKeystreamPattern(const KeystreamKey& key) {
    return std::make_unique<KeystreamPattern>(key);
}

std::unique_ptr<PatternSource> makeRandomPattern() {
    KeystreamKey key;
    if (RAND_bytes(key.key.data(), static_cast<int>(key.key.size())) != 1 ||
        RAND_bytes(key.iv.data(), static_cast<int>(key.iv.size())) != 1) {
        throw std::runtime_error(
            "the random number generator failed (RAND_bytes): check the system entropy source");
    }
    auto source = makeKeystreamPattern(key);
    OPENSSL_cleanse(&key, sizeof key);
    return source;
}

}  // namespace massho::erase
