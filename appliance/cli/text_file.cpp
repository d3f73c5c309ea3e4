#include "text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli_error.h"
#include "file_kind.h"
#include "massho/base/unique_fd.h"

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

// Anything but a regular file is refused before a byte is read: a FIFO would block (or be
// drained from another program), a device or a folder is never what was meant.
void requireRegularFile(int fd, const std::string& path, const std::string& what, size_t max) {
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw badInput("cannot read the " + what + " file '" + path + "': " + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        throw badInput("'" + path + "' is a folder, not a " + what + " file: give the file");
    if (!S_ISREG(st.st_mode))
        throw badInput("'" + path +
                       "' is not a regular file (a pipe, a device or a socket): save the " + what +
                       " in a file and give that");
    if (static_cast<uintmax_t>(st.st_size) > max)
        throw badInput("the " + what + " file '" + path + "' is larger than " + sizeText(max) +
                       ": not a " + what);
}

}  // namespace

std::string readInputFile(const std::string& path, const std::string& what, size_t maxBytes) {
    if (path.empty()) throw badInput("the " + what + " file name is empty: give a path");
    const base::UniqueFd in(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (in.get() < 0)
        throw badInput("cannot read the " + what + " file '" + path + "': " + std::strerror(errno) +
                       " (check the path)");
    requireRegularFile(in.get(), path, what, maxBytes);
    std::string bytes;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(in.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw badInput("cannot read the " + what + " file '" + path +
                           "': " + std::strerror(errno));
        if (n == 0) return bytes;
        bytes.append(buf, static_cast<size_t>(n));
        if (bytes.size() > maxBytes)  // it grew while being read
            throw badInput("the " + what + " file '" + path + "' is larger than " +
                           sizeText(maxBytes) + ": not a " + what);
    }
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
