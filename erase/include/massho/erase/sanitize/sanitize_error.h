#pragma once

#include <stdexcept>
#include <string>

#include "massho/base/error.h"

namespace massho::erase::sanitize {

// A drive command that was refused or failed. Unsupported/Frozen/Locked/HiddenArea are raised
// before anything destructive was sent; CommandFailed may come from any step.
class SanitizeError : public base::Error {
  public:
    enum class Kind { Unsupported, Frozen, Locked, HiddenArea, CommandFailed, Io };
    SanitizeError(Kind kind, const std::string& message)
        : base::Error(base::ErrorCategory::Failed, message), kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

}  // namespace massho::erase::sanitize
