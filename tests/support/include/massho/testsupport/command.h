#pragma once

#include <string>
#include <vector>

namespace massho::testsupport {

struct CommandResult {
    int exitCode = -1;  // -1: killed by a signal or could not start
    std::string out;    // standard output
    std::string err;    // standard error
};

// Runs argv[0] (looked up in PATH) with the given arguments, feeding `input` on standard input.
// No shell is involved, so arguments need no quoting.
CommandResult runCommand(const std::vector<std::string>& argv, const std::string& input = {});

// Runs a command and fails the current test (ADD_FAILURE) when it exits non-zero.
std::string runChecked(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace massho::testsupport
