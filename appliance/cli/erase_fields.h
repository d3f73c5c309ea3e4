#pragma once

// The fields `massho erase` and `massho request erase|carryout` share, checked the same way.
#include <string>

#include "cli_error.h"
#include "massho/base/information_class.h"

namespace massho::cli {

inline std::string purposeOrThrow(const std::string& p) {
    if (p == "reuse" || p == "disposal" || p == "lease-return") return p;
    throw badInput("unknown purpose '" + p + "': use reuse, disposal or lease-return");
}

inline int classOrThrow(const std::string& c) {
    if (const auto value = base::parseInformationClass(c)) return *value;
    throw badInput("information class must be 1, 2, 3 or 4 (Art. 7), not '" + c + "'");
}

}  // namespace massho::cli
