#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace massho::cli {

// Reads a file named on the command line, and nothing but a regular file: opened with
// O_NONBLOCK so a FIFO (or a device) given by mistake is refused at once instead of blocking,
// then fstat'ed; bounded by maxBytes so a wrong path cannot exhaust memory. Errors are bad input
// (exit 2) naming the file and never quoting its content.
std::string readInputFile(const std::string& path, const std::string& what, size_t maxBytes);

// Reads a small text input given on the command line (a vkey, a checkpoint, a proof request):
// a file path (readInputFile, 1 MiB), or "-" for standard input. Content that is not text is
// refused without being echoed.
std::string readTextInput(const std::string& pathOrDash, const std::string& what);

// Lines of a vkey file (one verifier key per line; blank lines and '#' comments ignored). A
// signing key, an age identity or binary data given by mistake is named as such, never echoed.
std::vector<std::string> readVkeyLines(const std::string& path);

}  // namespace massho::cli
