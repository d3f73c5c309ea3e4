#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sysfs.h"

namespace massho::appliance::detail {

// One line of /proc/self/mountinfo (proc(5)): the fields the guard needs.
struct MountEntry {
    DevNumber dev;           // field 3, major:minor of st_dev for files in this filesystem
    std::string mountPoint;  // field 5, unescaped
    std::string fsType;      // first field after the " - " separator
    std::string source;      // second field after the separator (/dev/vda1, overlay, …)
};

// Parses mountinfo; a missing file yields no entries, malformed lines are skipped.
std::vector<MountEntry> readMountInfo(const std::filesystem::path& file);

// The file names listed in /proc/swaps (partitions and swap files), unescaped.
std::vector<std::string> readSwaps(const std::filesystem::path& file);

// The mount whose mount point is the longest prefix of `path` (absolute, lexically normal).
std::optional<MountEntry> mountContaining(const std::vector<MountEntry>& mounts,
                                          const std::filesystem::path& path);

// Undoes the octal escapes (\040 space, \011 tab, \012 newline, \134 backslash) of proc files.
std::string unescapeOctal(const std::string& text);

}  // namespace massho::appliance::detail
