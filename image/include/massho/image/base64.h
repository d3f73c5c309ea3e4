#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace massho::image::base64 {

// Standard alphabet (RFC 4648 §4) without padding, as the age header uses it.
std::string encodeUnpadded(std::span<const uint8_t> bytes);

// Strict decoding of unpadded standard base64: only alphabet characters, no '=', no whitespace,
// and canonical (the unused low bits of the last character must be zero, c2sp.org/age "Header").
// std::nullopt on any deviation.
std::optional<std::vector<uint8_t>> decodeUnpadded(std::string_view text);

// Strict decoding of padded standard base64 (RFC 4648 §4 with '=' padding, canonical), as the
// ASCII armor uses it (RFC 7468 strict profile).
std::optional<std::vector<uint8_t>> decodePadded(std::string_view text);

// Padded standard base64 (for the armor writer and tests).
std::string encodePadded(std::span<const uint8_t> bytes);

}  // namespace massho::image::base64
