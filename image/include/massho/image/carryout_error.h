#pragma once

#include <stdexcept>
#include <string>

#include "massho/base/error.h"

namespace massho::image {

// A carry-out step (packaging, preparing or writing the medium, crypto-erase) that could not be
// done. BadInput: the caller's input is wrong (a path, a size) and nothing was touched.
// Failed: the step ran and failed (a tool failed, the medium was pulled). One line, no secrets.
class CarryOutError : public base::Error {
  public:
    enum class Kind { BadInput, Failed };
    CarryOutError(Kind kind, const std::string& message)
        : base::Error(
              kind == Kind::BadInput ? base::ErrorCategory::BadInput : base::ErrorCategory::Failed,
              message),
          kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

}  // namespace massho::image
