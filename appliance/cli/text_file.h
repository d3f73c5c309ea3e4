#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace massho::cli {

// Reads a small text input given on the command line (a vkey, a checkpoint, a proof request):
// a file path, or "-" for standard input. Bounded (1 MiB) so a wrong path cannot exhaust memory;
// errors are bad input (exit 2) naming the file.
std::string readTextInput(const std::string& pathOrDash, const std::string& what);

// Lines of a vkey file (one verifier key per line; blank lines and '#' comments ignored).
std::vector<std::string> readVkeyLines(const std::string& path);

}  // namespace massho::cli
