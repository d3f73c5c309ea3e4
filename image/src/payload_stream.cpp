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

// Chunk i of a batch: all but the last are whole (sealed or not, by `whole`).
size_t chunkCount(const ChunkBatch& batch, size_t whole) {
    return std::max<size_t>(1, (batch.filled + whole - 1) / whole);
}

size_t chunkSize(const ChunkBatch& batch, size_t whole, size_t i) {
    return i + 1 < chunkCount(batch, whole) ? whole : batch.filled - i * whole;
}

std::span<uint8_t> slot(ChunkBatch& batch, size_t i, size_t size) {
    return batch.bytes.span().subspan(i * kSealedChunkSize, size);
}

// Encrypting: `filled` is plaintext; every chunk is sealed in place, its tag lands after it.
void sealBatch(ChunkBatch& batch, p::ChaCha20Poly1305& aead) {
    size_t chunks = chunkCount(batch, kChunkSize);
    for (size_t i = 0; i < chunks; ++i) {
        size_t size = chunkSize(batch, kChunkSize, i);
        bool last = batch.endsStream && i + 1 == chunks;
        auto chunk = slot(batch, i, size + kTagSize);
        aead.seal(chunkNonce(batch.firstCounter + i, last), chunk.first(size), chunk);
    }
}

// The sealed batch is one contiguous run: whole sealed chunks, then the last one.
void writeSealed(const ChunkBatch& batch, std::ostream& out) {
    size_t chunks = chunkCount(batch, kChunkSize);
    size_t size = (chunks - 1) * kSealedChunkSize + chunkSize(batch, kChunkSize, chunks - 1);
    writeOut(out, batch.bytes.span().first(size + kTagSize));
}

// Why chunk `counter` cannot be released, or nullptr; `released` says whether its plaintext still
// is (a chunk that authenticated but breaks the stream's structure, as the stream reader always
// did). The expected nonce is tried first, then the other one to name the error: opening is out of
// place, so the sealed bytes are still there for the second try.
std::exception_ptr openChunk(p::ChaCha20Poly1305& aead, std::span<const uint8_t> sealed,
                             std::span<uint8_t> plain, uint64_t counter, bool final,
                             bool& released) {
    auto tryOpen = [&](bool last) { return aead.open(chunkNonce(counter, last), sealed, plain); };
    released = tryOpen(final);
    if (released && final && plain.empty() && counter != 0) {
        released = false;
        return std::make_exception_ptr(
            PayloadError("final chunk is empty but is not the only chunk"));
    }
    if (released) return nullptr;
    // A short chunk can only be final: it is never tried as one in the middle.
    released = (sealed.size() == kSealedChunkSize || !final) && tryOpen(!final);
    if (released)
        return std::make_exception_ptr(
            PayloadError(final ? "final chunk is missing; the file is truncated"
                               : "data follows the final chunk"));
    return std::make_exception_ptr(
        PayloadError("chunk " + std::to_string(counter) + " failed authentication"));
}

// Decrypting: `filled` is sealed bytes; chunk i opens into plain at i × 64 KiB, up to the first
// refused one.
void openBatch(ChunkBatch& batch, p::ChaCha20Poly1305& aead) {
    if (batch.plain.empty()) batch.plain = SecretBytes(kChunksPerBatch * kChunkSize);
    size_t chunks = chunkCount(batch, kSealedChunkSize);
    for (size_t i = 0; i < chunks; ++i) {
        size_t size = chunkSize(batch, kSealedChunkSize, i);
        if (size < kTagSize) {
            batch.failure = std::make_exception_ptr(
                PayloadError("chunk is shorter than its tag; the file is truncated"));
            return;
        }
        bool released = false;
        auto plain = batch.plain.span().subspan(i * kChunkSize, size - kTagSize);
        batch.failure = openChunk(aead, slot(batch, i, size), plain, batch.firstCounter + i,
                                  batch.endsStream && i + 1 == chunks, released);
        if (released) batch.releasedBytes += plain.size();
        if (batch.failure) return;
    }
}

// The released chunks' plaintext is one contiguous run; then the refusal, if any.
void writeOpened(const ChunkBatch& batch, std::ostream& out) {
    if (batch.releasedBytes > 0) writeOut(out, batch.plain.span().first(batch.releasedBytes));
    if (batch.failure) std::rethrow_exception(batch.failure);
}

void checkCounter(uint64_t counter) {
    if (counter > std::numeric_limits<uint64_t>::max() - 2 * kChunksPerBatch)
        throw PayloadError("file has more chunks than the format allows");
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
    : out_(out), pipeline_(out, key.span(), sealBatch, writeSealed) {}

void Encryptor::requireOpen() const {
    if (finished_) throw CryptoError("write after finish(); the age file is already closed");
}

std::span<uint8_t> Encryptor::room() {
    if (batch_ != nullptr && batch_->filled == kChunksPerBatch * kChunkSize) {
        checkCounter(counter_);
        counter_ += kChunksPerBatch;
        pipeline_.submit(*std::exchange(batch_, nullptr));
    }
    if (batch_ == nullptr) {
        batch_ = &pipeline_.take();
        batch_->firstCounter = counter_;
    }
    size_t used = batch_->filled % kChunkSize;
    return slot(*batch_, batch_->filled / kChunkSize, kChunkSize).subspan(used);
}

void Encryptor::write(std::span<const uint8_t> data) {
    requireOpen();
    while (!data.empty()) {
        auto room = this->room();
        size_t n = std::min(data.size(), room.size());
        std::memcpy(room.data(), data.data(), n);
        batch_->filled += n;
        total_ += n;
        data = data.subspan(n);
    }
}

void Encryptor::writeFrom(std::istream& in) {
    requireOpen();
    using Traits = std::istream::traits_type;
    for (;;) {
        // A full batch is handed over only once a byte is known to follow it.
        if (batch_ != nullptr && batch_->filled == kChunksPerBatch * kChunkSize &&
            Traits::eq_int_type(in.peek(), Traits::eof()))
            break;
        auto room = this->room();
        in.read(reinterpret_cast<char*>(room.data()), static_cast<std::streamsize>(room.size()));
        if (in.bad()) throw IoError("reading the plaintext failed; check the source file");
        auto n = static_cast<size_t>(in.gcount());
        batch_->filled += n;
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

// The caller's thread reads whole sealed chunks into batches; a batch is handed over once a byte
// is known to follow it (so that the final chunk, which may be whole, is known as final).
uint64_t decrypt(ByteSource& in, std::ostream& out, const SecretBytes& fileKey) {
    std::array<uint8_t, kNonceSize> nonce{};
    if (in.readFull(nonce) != nonce.size())
        throw HeaderError("payload nonce is missing or short; the file is truncated");
    ChunkPipeline pipeline(out, payloadKey(fileKey, nonce).span(), openBatch, writeOpened);
    ChunkBatch* batch = &pipeline.take();
    uint64_t total = 0;
    for (;;) {
        if (batch->filled == kChunksPerBatch * kSealedChunkSize) {
            if (in.atEnd()) break;
            checkCounter(batch->firstCounter);
            uint64_t next = batch->firstCounter + kChunksPerBatch;
            pipeline.submit(*std::exchange(batch, nullptr));
            batch = &pipeline.take();
            batch->firstCounter = next;
        }
        size_t n = in.readFull(slot(*batch, batch->filled / kSealedChunkSize, kSealedChunkSize));
        if (n == 0 && batch->filled == 0)
            throw PayloadError("payload has no chunk; the file is truncated");
        batch->filled += n;
        total += n > kTagSize ? n - kTagSize : 0;
        if (n < kSealedChunkSize) break;
    }
    batch->endsStream = true;
    pipeline.submit(*batch);
    pipeline.drain();
    out.flush();
    if (!out) throw IoError("flushing the output failed; check free space and the medium");
    return total;
}

}  // namespace massho::image::payload
