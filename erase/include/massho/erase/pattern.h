#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace massho::erase {

// The bytes one pass writes. Position-addressable: fill(offset, out) produces exactly the bytes
// that belong at device offset `offset`, so verification can regenerate any sampled range without
// having kept the data. fill() is const and thread-safe.
class PatternSource {
  public:
    virtual ~PatternSource() = default;

    virtual void fill(uint64_t offset, std::span<uint8_t> out) const = 0;

    // Length after which the pattern repeats (1 for a constant byte), or nullopt when it never
    // does. A periodic pattern lets the engine fill a buffer once and write it many times.
    virtual std::optional<std::size_t> period() const = 0;

    // Verification shortcut: when cheaper than fill() and compare, XORs the pattern into `data`
    // in place (data ^= pattern at `offset`) and returns true, so matching bytes become zero.
    // Returns false, leaving `data` untouched, when the source has no such shortcut.
    virtual bool xorInto(uint64_t /*offset*/, std::span<uint8_t> /*data*/) const { return false; }

    // Human description recorded in reports, e.g. "0x00", "0x92 0x49 0x24", "random (AES-128-CTR)".
    virtual std::string describe() const = 0;
};

// The same byte everywhere.
std::unique_ptr<PatternSource> makeConstantPattern(uint8_t byte);

// A multi-byte pattern repeated from offset 0 of the device: byte i of the device is
// bytes[i % bytes.size()], whatever range is filled. Throws std::invalid_argument when empty.
std::unique_ptr<PatternSource> makeRepeatingPattern(std::vector<uint8_t> bytes);

// AES-128-CTR keystream (encryption of zeros): the 16-byte block at device offset 16*k is
// AES-128(key, IV + k), the counter being the whole IV read as a 128-bit big-endian number
// (NIST SP 800-38A, Appendix B.1 standard incrementing function; what OpenSSL's EVP_aes_128_ctr
// does). The key is wiped when the source is destroyed.
struct KeystreamKey {
    std::array<uint8_t, 16> key{};
    std::array<uint8_t, 16> iv{};
};
std::unique_ptr<PatternSource> makeKeystreamPattern(const KeystreamKey& key);
// A fresh key and IV from RAND_bytes (throws std::runtime_error when the RNG fails).
std::unique_ptr<PatternSource> makeRandomPattern();

// Every byte of `base` inverted (~b). `base` must outlive the complement. `description` is what
// describe() returns, e.g. "complement of pass 1".
std::unique_ptr<PatternSource> makeComplementPattern(const PatternSource& base,
                                                     std::string description);

}  // namespace massho::erase
