#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <span>

namespace massho::image {

// Where decryption reads ciphertext from: a plain stream or an armor decoder. Small and
// pull-based so that nothing is ever read further than it is needed (constant memory).
class ByteSource {
  public:
    virtual ~ByteSource() = default;

    // Reads until `out` is full or the input ends; returns the count read.
    size_t readFull(std::span<uint8_t> out);
    // The next byte, or std::nullopt at the end of the input.
    std::optional<uint8_t> readByte();
    // True when no byte is left (looks one byte ahead and keeps it).
    bool atEnd();

  protected:
    // Reads at least one byte into `out` unless the input has ended (then returns 0).
    virtual size_t readSome(std::span<uint8_t> out) = 0;

  private:
    std::optional<uint8_t> lookahead_;
};

// Reads from a std::istream; an I/O error (badbit) throws IoError.
class IstreamSource : public ByteSource {
  public:
    explicit IstreamSource(std::istream& in) : in_(in) {}

  protected:
    size_t readSome(std::span<uint8_t> out) override;

  private:
    std::istream& in_;
};

}  // namespace massho::image
