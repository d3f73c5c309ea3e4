#pragma once

#include <initializer_list>
#include <optional>
#include <string>

namespace massho::cli {

// Every command that takes an output FILE writes through this: "-" means standard output (so a
// report or PDF can be piped), anything else is a file, replaced. A failed write is exit 1,
// naming the path; `afterFailure` is added to that message (e.g. what was recorded anyway).
void writeOutputFile(const std::string& pathOrDash, const std::string& bytes,
                     const std::string& afterFailure = {});

// Two outputs given as "-" would be mixed into one stream: refused as bad usage (exit 2) before
// anything is done. `jsonOnStdout`: the command also prints its --json result there.
void requireOneStandardOutput(std::initializer_list<std::optional<std::string>> outputs,
                              bool jsonOnStdout = false);

}  // namespace massho::cli
