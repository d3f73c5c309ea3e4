#pragma once

#include <cstdint>
#include <optional>

#include "massho/records/register/register.h"

namespace massho::operations {

// The entry an act appended, for acts whose records API does not return it: the last one when
// the register grew since `sizeBefore`, none when the act recorded nothing.
inline std::optional<uint64_t> recordedSince(const records::Register& log, uint64_t sizeBefore) {
    const uint64_t size = log.size();
    if (size > sizeBefore) return size - 1;
    return std::nullopt;
}

}  // namespace massho::operations
