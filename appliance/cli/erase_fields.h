#pragma once

// The fields `massho erase` and `massho request erase|carryout` share, checked the same way.
#include <string>

#include "cli_error.h"

namespace massho::cli {

inline std::string purposeOrThrow(const std::string& p) {
    if (p == "reuse" || p == "disposal" || p == "lease-return") return p;
    throw badInput("unknown purpose '" + p + "': use reuse, disposal or lease-return");
}

inline int classOrThrow(const std::string& c) {
    if (c.size() == 1 && c[0] >= '1' && c[0] <= '4') return c[0] - '0';
    throw badInput("information class must be 1, 2, 3 or 4 (Art. 7), not '" + c + "'");
}

}  // namespace massho::cli
