#include "mount_table.h"

#include <fstream>
#include <sstream>

namespace massho::appliance::detail {
namespace fs = std::filesystem;

namespace {

// Bounds: proc files are small; refuse to read absurd amounts from a fake or hostile tree.
constexpr size_t kMaxLines = 100000;
constexpr size_t kMaxLineLength = 16384;

bool isOctal(char c) {
    return c >= '0' && c <= '7';
}

std::vector<std::string> splitSpaces(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string field; in >> field;) fields.push_back(field);
    return fields;
}

std::vector<std::string> readLines(const fs::path& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; lines.size() < kMaxLines && std::getline(in, line);) {
        if (line.size() <= kMaxLineLength) lines.push_back(line);
    }
    return lines;
}

// proc(5) mountinfo: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPER
std::optional<MountEntry> parseMountInfoLine(const std::string& line) {
    std::vector<std::string> f = splitSpaces(line);
    size_t separator = 6;
    while (separator < f.size() && f[separator] != "-") ++separator;
    if (f.size() < 6 || separator + 2 >= f.size()) return std::nullopt;
    auto dev = DevNumber::parse(f[2]);
    if (!dev) return std::nullopt;
    return MountEntry{*dev, unescapeOctal(f[4]), f[separator + 1], unescapeOctal(f[separator + 2])};
}

}  // namespace

std::string unescapeOctal(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 3 < text.size() && isOctal(text[i + 1]) &&
            isOctal(text[i + 2]) && isOctal(text[i + 3])) {
            out.push_back(static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 +
                                            (text[i + 3] - '0')));
            i += 3;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::vector<MountEntry> readMountInfo(const fs::path& file) {
    std::vector<MountEntry> mounts;
    for (const std::string& line : readLines(file)) {
        if (auto entry = parseMountInfoLine(line)) mounts.push_back(std::move(*entry));
    }
    return mounts;
}

// proc(5) swaps: a header line, then "Filename Type Size Used Priority".
std::vector<std::string> readSwaps(const fs::path& file) {
    std::vector<std::string> names;
    std::vector<std::string> lines = readLines(file);
    for (size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> f = splitSpaces(lines[i]);
        if (!f.empty()) names.push_back(unescapeOctal(f[0]));
    }
    return names;
}

std::optional<MountEntry> mountContaining(const std::vector<MountEntry>& mounts,
                                          const fs::path& path) {
    const std::string target = path.lexically_normal().string();
    std::optional<MountEntry> best;
    for (const MountEntry& m : mounts) {
        const std::string& mp = m.mountPoint;
        bool contains = target == mp || mp == "/" ||
                        (target.compare(0, mp.size(), mp) == 0 && target.size() > mp.size() &&
                         target[mp.size()] == '/');
        // Later lines mount over earlier ones at the same point, so ">=" keeps the top one.
        if (contains && (!best || mp.size() >= best->mountPoint.size())) best = m;
    }
    return best;
}

}  // namespace massho::appliance::detail
