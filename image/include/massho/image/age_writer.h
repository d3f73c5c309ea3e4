#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include "massho/image/x25519_keys.h"

namespace massho::image {

namespace payload {
class Encryptor;
}

// Streams plaintext into an age v1 file on `out` with bounded memory (a few 2 MiB batches of
// chunks), e.g. as the sink of a libarchive tar writer. The header is written by the constructor;
// write() may be called any number of times; finish() seals the final chunk and MUST be called —
// a writer destroyed without finish() leaves a file that every decryptor rejects as truncated.
// Chunks are sealed on worker threads and written by another (chunk_pipeline.h): from the
// constructor until finish() returns or throws, `out` belongs to the writer — do not touch it.
// A failed write (or read) is thrown by the next write() or finish() as IoError.
class AgeWriter {
  public:
    // One X25519 stanza per recipient (at least one), all wrapping one fresh random file key.
    AgeWriter(std::ostream& out, const std::vector<X25519Recipient>& recipients);
    // A single scrypt stanza (c2sp.org/age: it must be alone) with work factor 2^logN.
    static AgeWriter withPassphrase(std::ostream& out, std::string_view passphrase, int logN = 18);

    ~AgeWriter();
    AgeWriter(AgeWriter&&) noexcept;
    AgeWriter& operator=(AgeWriter&&) noexcept;

    void write(std::span<const uint8_t> data);
    void write(const void* data, size_t size);
    // Reads `in` to its end straight into the chunks' buffers (no copy); IoError on badbit.
    void writeFrom(std::istream& in);
    void finish();
    uint64_t plaintextBytes() const;

  private:
    explicit AgeWriter(std::unique_ptr<payload::Encryptor> encryptor);
    std::unique_ptr<payload::Encryptor> encryptor_;
};

}  // namespace massho::image
