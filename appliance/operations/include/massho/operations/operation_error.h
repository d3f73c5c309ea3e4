#pragma once

#include <string>

#include "massho/base/error.h"

namespace massho::operations {

// An operation that stops before it acts: bad input, a refusal by policy, or a failure to
// prepare. Thrown before any byte is written, so nothing is recorded as done. Its category
// (base/error.h) decides the exit code and the D-Bus error name.
class OperationError : public base::Error {
  public:
    using base::Error::Error;
};

}  // namespace massho::operations
