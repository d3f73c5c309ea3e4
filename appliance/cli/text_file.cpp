#include "text_file.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli_error.h"
#include "file_kind.h"
#include "massho/base/regular_file.h"

namespace massho::cli {
namespace {

constexpr size_t kMaxTextInput = 1 << 20;

std::string sizeText(size_t bytes) {
    return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MiB"
                                  : std::to_string(bytes) + " bytes";
}

std::string readStdinBounded(const std::string& what) {
    std::string text;
    char buf[8192];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
        text.append(buf, static_cast<size_t>(std::cin.gcount()));
        if (text.size() > kMaxTextInput)
            throw badInput("the " + what + " on standard input is larger than 1 MiB: not a " +
                           what);
    }
    return text;
}

}  // namespace

std::string readInputFile(const std::string& path, const std::string& what, size_t maxBytes) {
    using Problem = base::RegularFileRead::Problem;
    if (path.empty()) throw badInput("the " + what + " file name is empty: give a path");
    // Anything but a regular file is refused before a byte is read: a FIFO would block (or be
    // drained from another program), a device or a folder is never what was meant.
    base::RegularFileRead read = base::readRegularFile(path, maxBytes);
    switch (read.problem) {
        case Problem::None:
            return std::move(read.bytes);
        case Problem::CannotOpen:
            throw badInput("cannot read the " + what + " file '" + path +
                           "': " + std::strerror(read.error) + " (check the path)");
        case Problem::Folder:
            throw badInput("'" + path + "' is a folder, not a " + what + " file: give the file");
        case Problem::NotRegular:
            throw badInput("'" + path +
                           "' is not a regular file (a pipe, a device or a socket): save the " +
                           what + " in a file and give that");
        case Problem::TooLarge:
            throw badInput("the " + what + " file '" + path + "' is larger than " +
                           sizeText(maxBytes) + ": not a " + what);
        case Problem::ReadFailed:
            break;
    }
    throw badInput("cannot read the " + what + " file '" + path +
                   "': " + std::strerror(read.error));
}

namespace {

std::string readText(const std::string& pathOrDash, const std::string& what,
                     const std::string& hint) {
    const bool stdinInput = pathOrDash == "-";
    std::string text =
        stdinInput ? readStdinBounded(what) : readInputFile(pathOrDash, what, kMaxTextInput);
    requireText(text, stdinInput ? "standard input" : pathOrDash, what, hint);
    return text;
}

}  // namespace

std::string readTextInput(const std::string& pathOrDash, const std::string& what) {
    return readText(pathOrDash, what, "the " + what + " file");
}

std::vector<std::string> readVkeyLines(const std::string& path) {
    std::istringstream lines(readText(path, "verifier key", "the .vkey file"));
    std::vector<std::string> out;
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        out.push_back(line);
    }
    if (out.empty()) throw badInput("the verifier key file '" + path + "' holds no key");
    return out;
}

}  // namespace massho::cli
