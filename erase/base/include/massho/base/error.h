#pragma once

#include <stdexcept>
#include <string>

namespace massho::base {

// What a person should make of an error. It decides the command line's exit code
// (appliance/cli/exit_code.h) and, in the service, the D-Bus error name: one mapping each.
enum class ErrorCategory {
    BadInput,  // malformed, or names something that does not exist: correct the input (exit 2)
    Refused,   // well-formed but not allowed (policy, role, approval, login): nothing done (exit 3)
    Failed,    // allowed and attempted, and it did not work (I/O, database, device) (exit 1)
};

// The root of every error Massho throws on purpose. The message is one line: what was wrong and
// what to do about it. Anything else that escapes (std::bad_alloc, a logic error) is a defect and
// is reported as an internal error.
class Error : public std::runtime_error {
  public:
    Error(ErrorCategory category, const std::string& message)
        : std::runtime_error(message), category_(category) {}
    ErrorCategory category() const noexcept { return category_; }

  private:
    ErrorCategory category_;
};

}  // namespace massho::base
