#include "payload_stream.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>
#include <utility>

#include "massho/image/errors.h"
#include "massho/image/primitives.h"

namespace massho::image::payload {
namespace {

namespace p = primitives;

std::span<const uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
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
    : out_(out), pipeline_(out, key.span()) {}

void Encryptor::requireOpen() const {
    if (finished_) throw CryptoError("write after finish(); the age file is already closed");
}

std::span<uint8_t> Encryptor::room() {
    if (batch_ != nullptr && batch_->full()) {
        if (counter_ > std::numeric_limits<uint64_t>::max() - 2 * kChunksPerBatch)
            throw PayloadError("file has more chunks than the format allows");
        counter_ += kChunksPerBatch;
        pipeline_.submit(*std::exchange(batch_, nullptr));
    }
    if (batch_ == nullptr) {
        batch_ = &pipeline_.take();
        batch_->firstCounter = counter_;
    }
    return batch_->room();
}

void Encryptor::write(std::span<const uint8_t> data) {
    requireOpen();
    while (!data.empty()) {
        auto room = this->room();
        size_t n = std::min(data.size(), room.size());
        std::memcpy(room.data(), data.data(), n);
        batch_->plaintext += n;
        total_ += n;
        data = data.subspan(n);
    }
}

void Encryptor::writeFrom(std::istream& in) {
    requireOpen();
    using Traits = std::istream::traits_type;
    for (;;) {
        // A full batch is handed over only once a byte is known to follow it.
        if (batch_ != nullptr && batch_->full() && Traits::eq_int_type(in.peek(), Traits::eof()))
            break;
        auto room = this->room();
        in.read(reinterpret_cast<char*>(room.data()), static_cast<std::streamsize>(room.size()));
        if (in.bad()) throw IoError("reading the plaintext failed; check the source file");
        auto n = static_cast<size_t>(in.gcount());
        batch_->plaintext += n;
        total_ += n;
        if (n < room.size()) break;
    }
    if (in.bad()) throw IoError("reading the plaintext failed; check the source file");
}

void Encryptor::finish() {
    if (finished_) return;
    if (batch_ == nullptr) {
        batch_ = &pipeline_.take();
        batch_->firstCounter = counter_;
    }
    batch_->endsStream = true;
    pipeline_.submit(*std::exchange(batch_, nullptr));
    pipeline_.drain();
    finished_ = true;
    out_.flush();
    if (!out_) throw IoError("flushing the output failed; check free space and the medium");
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
