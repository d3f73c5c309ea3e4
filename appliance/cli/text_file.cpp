#include "text_file.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include "cli_error.h"

namespace massho::cli {
namespace {

constexpr size_t kMaxTextInput = 1 << 20;

std::string readBounded(std::istream& in, const std::string& name) {
    std::string text;
    char buf[8192];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<size_t>(in.gcount()));
        if (text.size() > kMaxTextInput)
            throw badInput(name + " is larger than 1 MiB: not a register file");
    }
    return text;
}

}  // namespace

std::string readTextInput(const std::string& pathOrDash, const std::string& what) {
    if (pathOrDash == "-") return readBounded(std::cin, what + " on standard input");
    std::ifstream in(pathOrDash, std::ios::binary);
    if (!in)
        throw badInput("cannot read the " + what + " file '" + pathOrDash + "': check the path");
    return readBounded(in, "the " + what + " file '" + pathOrDash + "'");
}

std::vector<std::string> readVkeyLines(const std::string& path) {
    std::istringstream lines(readTextInput(path, "verifier key"));
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
