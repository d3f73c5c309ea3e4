#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace massho::erase::detail {

// "0x92 0x49 0x24": how passes and patterns are described in reports.
std::string hexBytes(std::span<const uint8_t> bytes);

}  // namespace massho::erase::detail
