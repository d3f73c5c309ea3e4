#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Base64, standard alphabet (RFC 4648 §4), done by OpenSSL and then held to the one canonical
// encoding: every decoder refuses whitespace, wrong padding and non-zero pad bits, because the
// formats that use it (age headers, signed notes, tlog proofs) define exactly one encoding.
namespace massho::base::base64 {

// Padded ('='), as signed notes, proofs and the ASCII armor use it (RFC 7468 strict profile).
std::string encodePadded(std::span<const uint8_t> bytes);
std::optional<std::vector<uint8_t>> decodePadded(std::string_view text);

// Without padding, as the age header uses it (c2sp.org/age "Header"): no '=', and the unused low
// bits of the last character must be zero.
std::string encodeUnpadded(std::span<const uint8_t> bytes);
std::optional<std::vector<uint8_t>> decodeUnpadded(std::string_view text);

// The same for bytes held in a string (keys, signatures, entry hashes).
std::string encode(std::string_view bytes);
std::optional<std::string> decode(std::string_view text);

}  // namespace massho::base::base64
