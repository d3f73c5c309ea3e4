#pragma once

#include <stdexcept>
#include <string>

namespace massho::cli {

// CLI.md exit codes: 0 done; 1 ran and failed; 2 bad usage or input; 3 refused.
enum class ExitCode : int { Done = 0, Failed = 1, BadInput = 2, Refused = 3 };

// Every non-zero exit goes through one of these: one line saying what was wrong and what to do.
class CliError : public std::runtime_error {
  public:
    CliError(ExitCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

  private:
    ExitCode code_;
};

inline CliError badInput(const std::string& message) {
    return {ExitCode::BadInput, message};
}
inline CliError refused(const std::string& message) {
    return {ExitCode::Refused, message};
}
inline CliError failed(const std::string& message) {
    return {ExitCode::Failed, message};
}

}  // namespace massho::cli
