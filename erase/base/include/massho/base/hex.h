#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace massho::base {

// Lower-case hexadecimal, two digits per byte (digests, key IDs, tokens).
std::string hexEncode(std::string_view bytes);
std::string hexEncode(std::span<const uint8_t> bytes);

}  // namespace massho::base
