#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

// Standard padded base64 (RFC 4648 §4), as used by signed notes and tlog proofs.
std::string base64Encode(std::string_view bytes);
// Strict: only the canonical encoding of some byte string is accepted (no whitespace, correct
// padding, zero pad bits). std::nullopt otherwise.
std::optional<std::string> base64Decode(std::string_view text);

// Lower-case hexadecimal.
std::string hexEncode(std::string_view bytes);

}  // namespace massho::records
