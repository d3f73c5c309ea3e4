#include "byte_format.h"

#include <cstdio>

namespace massho::erase::detail {

std::string hexBytes(std::span<const uint8_t> bytes) {
    std::string text;
    for (uint8_t b : bytes) {
        char item[8];
        std::snprintf(item, sizeof item, "0x%02X", b);
        if (!text.empty()) text += ' ';
        text += item;
    }
    return text;
}

}  // namespace massho::erase::detail
