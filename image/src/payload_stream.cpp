#include "payload_stream.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>

#include "massho/image/errors.h"
#include "massho/image/primitives.h"

namespace massho::image::payload {
namespace {

namespace p = primitives;

std::span<const uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// c2sp.org/age "Payload": 11-byte big-endian chunk counter, then 0x01 on the final chunk.
std::array<uint8_t, p::kChaChaNonceSize> chunkNonce(uint64_t counter, bool last) {
    std::array<uint8_t, p::kChaChaNonceSize> nonce{};
    for (int i = 0; i < 8; ++i) nonce[10 - i] = static_cast<uint8_t>(counter >> (8 * i));
    nonce[11] = last ? 1 : 0;
    return nonce;
}

void writeOut(std::ostream& out, std::span<const uint8_t> bytes) {
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) throw IoError("writing the output failed; check free space and the medium");
}

void nextCounter(uint64_t& counter) {
    if (counter == std::numeric_limits<uint64_t>::max())
        throw PayloadError("file has more chunks than the format allows");
    ++counter;
}

}  // namespace

std::array<uint8_t, 32> headerMac(const SecretBytes& fileKey, std::span<const uint8_t> macInput) {
    SecretBytes macKey = p::hkdfSha256(fileKey.span(), {}, bytesOf("header"), p::kSha256Size);
    return p::hmacSha256(macKey.span(), macInput);
}

SecretBytes payloadKey(const SecretBytes& fileKey, std::span<const uint8_t> nonce) {
    return p::hkdfSha256(fileKey.span(), nonce, bytesOf("payload"), p::kChaChaKeySize);
}

Encryptor::Encryptor(std::ostream& out, const SecretBytes& key)
    : out_(out), aead_(key.span()), plain_(kChunkSize), sealed_(kSealedChunkSize) {}

void Encryptor::write(std::span<const uint8_t> data) {
    if (finished_) throw CryptoError("write after finish(); the age file is already closed");
    total_ += data.size();
    if (!data.empty() && filled_ == kChunkSize) sealChunk(plain_.span(), false);
    // Whole chunks with more data after them are sealed straight from the caller's buffer.
    while (filled_ == 0 && data.size() > kChunkSize) {
        sealChunk(data.first(kChunkSize), false);
        data = data.subspan(kChunkSize);
    }
    while (!data.empty()) {
        // A full chunk is sealed only once more data arrives: the last chunk may be full.
        if (filled_ == kChunkSize) sealChunk(plain_.span(), false);
        size_t n = std::min(data.size(), kChunkSize - filled_);
        std::memcpy(plain_.data() + filled_, data.data(), n);
        filled_ += n;
        data = data.subspan(n);
    }
}

void Encryptor::finish() {
    if (finished_) return;
    sealChunk(plain_.span().first(filled_), true);
    finished_ = true;
    out_.flush();
    if (!out_) throw IoError("flushing the output failed; check free space and the medium");
}

void Encryptor::sealChunk(std::span<const uint8_t> plaintext, bool last) {
    size_t n = aead_.seal(chunkNonce(counter_, last), plaintext, sealed_);
    writeOut(out_, std::span<const uint8_t>(sealed_).first(n));
    filled_ = 0;
    nextCounter(counter_);
}

uint64_t decrypt(ByteSource& in, std::ostream& out, const SecretBytes& fileKey) {
    std::array<uint8_t, kNonceSize> nonce{};
    if (in.readFull(nonce) != nonce.size())
        throw HeaderError("payload nonce is missing or short; the file is truncated");
    p::ChaCha20Poly1305 aead(payloadKey(fileKey, nonce).span());
    std::vector<uint8_t> sealed(kSealedChunkSize);
    SecretBytes plain(kChunkSize);
    uint64_t counter = 0, total = 0;
    for (;;) {
        size_t n = in.readFull(sealed);
        if (n == 0)
            throw PayloadError(counter == 0 ? "payload has no chunk; the file is truncated"
                                            : "final chunk is missing; the file is truncated");
        if (n < kTagSize)
            throw PayloadError("chunk is shorter than its tag; the file is truncated");
        auto chunk = std::span<const uint8_t>(sealed).first(n);
        // A short chunk can only be the last one; a full one is tried as "not last" first.
        bool last = n < kSealedChunkSize;
        bool ok = aead.open(chunkNonce(counter, last), chunk, plain.span());
        if (!ok && !last) {
            last = true;
            ok = aead.open(chunkNonce(counter, true), chunk, plain.span());
        }
        if (!ok) throw PayloadError("chunk " + std::to_string(counter) + " failed authentication");
        size_t plainSize = n - kTagSize;
        if (last && plainSize == 0 && counter != 0)
            throw PayloadError("final chunk is empty but is not the only chunk");
        writeOut(out, plain.span().first(plainSize));
        total += plainSize;
        nextCounter(counter);
        if (last) {
            if (!in.atEnd()) throw PayloadError("data follows the final chunk");
            out.flush();
            if (!out) throw IoError("flushing the output failed; check free space and the medium");
            return total;
        }
    }
}

}  // namespace massho::image::payload
