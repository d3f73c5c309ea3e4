#pragma once

#include <string>

#include "massho/records/register/secret.h"

namespace massho::cli {

using records::Secret;

// Where the CLI reads secrets from (massho(1), --password-stdin): with it, successive lines of
// standard input (line 1 = the acting person's password, line 2 = a second secret); otherwise a
// no-echo prompt on the terminal.
class SecretInput {
  public:
    explicit SecretInput(bool fromStdin) : fromStdin_(fromStdin) {}
    // Throws CliError(BadInput) when stdin ends early or no terminal is there to ask.
    Secret next(const std::string& prompt);

  private:
    bool fromStdin_;
};

}  // namespace massho::cli
