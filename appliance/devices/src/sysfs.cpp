#include "sysfs.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <system_error>

namespace massho::appliance::detail {

std::string DevNumber::str() const {
    return std::to_string(major) + ":" + std::to_string(minor);
}

std::optional<DevNumber> DevNumber::parse(const std::string& text) {
    std::string t = trim(text);
    auto colon = t.find(':');
    if (colon == std::string::npos) return std::nullopt;
    DevNumber d;
    const char* begin = t.data();
    const char* end = t.data() + t.size();
    auto [p1, e1] = std::from_chars(begin, begin + colon, d.major);
    auto [p2, e2] = std::from_chars(begin + colon + 1, end, d.minor);
    if (e1 != std::errc{} || e2 != std::errc{} || p1 != begin + colon || p2 != end) {
        return std::nullopt;
    }
    return d;
}

std::optional<std::string> readFileBounded(const std::filesystem::path& file, size_t limit) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data(limit, '\0');
    in.read(data.data(), static_cast<std::streamsize>(limit));
    if (in.bad()) return std::nullopt;
    data.resize(static_cast<size_t>(in.gcount()));
    return data;
}

std::string trim(const std::string& text) {
    auto isSpace = [](unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    auto first = std::find_if_not(text.begin(), text.end(), isSpace);
    auto last = std::find_if_not(text.rbegin(), text.rend(), isSpace).base();
    return first < last ? std::string(first, last) : std::string();
}

std::string readAttribute(const std::filesystem::path& file) {
    auto data = readFileBounded(file);
    return data ? trim(*data) : std::string();
}

std::optional<uint64_t> readNumber(const std::filesystem::path& file) {
    std::string text = readAttribute(file);
    uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::vector<std::string> listNames(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace massho::appliance::detail
