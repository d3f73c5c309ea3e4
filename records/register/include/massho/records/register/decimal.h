#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace massho::records {

// A whole number written in plain ASCII digits (no sign, no spaces, no leading zero unless it is
// "0") that fits in 64 bits; nullopt otherwise. Every number read from a file or typed by a person
// goes through this instead of std::stoull, which accepts "-1" and " 7x" and throws messages
// that name no file.
std::optional<uint64_t> parseDecimal(std::string_view digits);

// 9999999999 → "9,999,999,999": sizes in messages a person reads.
std::string groupedDecimal(uint64_t value);

}  // namespace massho::records
