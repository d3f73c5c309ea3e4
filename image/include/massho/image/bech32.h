#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace massho::image::bech32 {

struct Decoded {
    std::string hrp;            // human-readable part, in the case it was written in
    std::vector<uint8_t> data;  // the payload regrouped into 8-bit bytes
};

// Bech32 (BIP 173) with the checksum constant 1. The length limit of 90 characters is lifted as
// age does; mixed case is rejected. Throws KeyFormatError with a one-line reason.
Decoded decode(std::string_view text);

// Encodes `data` (8-bit bytes) under `hrp`; the result has the case of `hrp`'s letters.
std::string encode(std::string_view hrp, std::span<const uint8_t> data);

}  // namespace massho::image::bech32
