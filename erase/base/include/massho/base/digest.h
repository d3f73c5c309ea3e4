#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace massho::base {

using Sha256 = std::array<uint8_t, 32>;

// SHA-256 (FIPS 180-4) of bytes in memory, by OpenSSL. Throws std::runtime_error only if OpenSSL
// itself fails (out of memory, a broken provider).
Sha256 sha256(std::string_view bytes);
// The same as 64 lower-case hex digits, as the register records file and PDF digests.
std::string sha256Hex(std::string_view bytes);

}  // namespace massho::base
