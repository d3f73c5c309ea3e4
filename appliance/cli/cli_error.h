#pragma once

#include <string>

#include "massho/base/error.h"

namespace massho::cli {

// An error the command line itself finds (a bad option, a missing file). Like every error of
// ours it carries a category; exit_code.h turns it into the exit status.
class CliError : public base::Error {
  public:
    using base::Error::Error;
};

// `COMMAND --help` was answered: not an error, the command ends with status 0.
struct HelpShown {};

inline CliError badInput(const std::string& message) {
    return {base::ErrorCategory::BadInput, message};
}
inline CliError refused(const std::string& message) {
    return {base::ErrorCategory::Refused, message};
}
inline CliError failed(const std::string& message) {
    return {base::ErrorCategory::Failed, message};
}

}  // namespace massho::cli
