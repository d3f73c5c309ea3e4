#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace massho::appliance::detail {

// A device number as sysfs and mountinfo print it ("254:0").
struct DevNumber {
    unsigned major = 0;
    unsigned minor = 0;
    // False positive: clang-tidy 14 sees the 0 in the code it synthesises for a defaulted <=>.
    auto operator<=>(const DevNumber&) const = default;  // NOLINT(modernize-use-nullptr)
    std::string str() const;
    static std::optional<DevNumber> parse(const std::string& text);
};

// Reads at most `limit` bytes of a (sysfs) file; nullopt when it cannot be read.
std::optional<std::string> readFileBounded(const std::filesystem::path& file, size_t limit = 4096);

// A sysfs attribute with surrounding whitespace (padding, newline) removed; empty when missing.
std::string readAttribute(const std::filesystem::path& file);

// A decimal sysfs attribute; nullopt when missing or not a number.
std::optional<uint64_t> readNumber(const std::filesystem::path& file);

// Names in a directory, sorted; empty when the directory is missing.
std::vector<std::string> listNames(const std::filesystem::path& dir);

std::string trim(const std::string& text);

}  // namespace massho::appliance::detail
