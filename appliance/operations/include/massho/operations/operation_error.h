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

// A refusal because the person does not hold the role the act needs (require_role.h). A refusal
// like any other on the command line (exit 3); the service names it NotAuthorized, so that a
// kiosk can tell "log in as someone else" from "this act is not allowed".
class NotAuthorizedError : public OperationError {
  public:
    explicit NotAuthorizedError(const std::string& message)
        : OperationError(base::ErrorCategory::Refused, message) {}
};

}  // namespace massho::operations
