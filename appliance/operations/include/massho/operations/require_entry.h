#pragma once

#include <cstdint>
#include <string>

#include "massho/operations/operation_error.h"
#include "massho/records/register/register.h"

namespace massho::operations {

// An act about register entry `index` (issue or print its certificate) needs the entry to exist;
// bad input otherwise, saying how many there are.
inline void requireEntry(const records::Register& reg, uint64_t index) {
    const uint64_t size = reg.size();
    if (index >= size)
        throw OperationError(base::ErrorCategory::BadInput,
                             "there is no entry " + std::to_string(index) + ": the register has " +
                                 std::to_string(size) + " entries");
}

}  // namespace massho::operations
