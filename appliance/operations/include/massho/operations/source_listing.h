#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace massho::operations {

// One thing a person may choose to carry out: a file or a whole folder directly inside an
// allowed source folder (source_allow_list.h).
struct SourceEntry {
    std::filesystem::path folder;  // the allowed folder it is in
    std::filesystem::path path;    // what to give the carry-out
    std::string name;              // its name inside the folder
    bool directory = false;
    uint64_t size = 0;  // bytes, for a file (0 for a folder: its size is known at packing)
};

struct SourceListing {
    std::vector<SourceEntry> entries;
    bool truncated = false;  // some folder held more than the bound: the first by name are listed
};

// What a front-end may offer from the allowed folders, for a person to choose from without
// reading disks themselves: each folder's direct entries, by name, at most `perFolder` of each,
// hidden names (".…") left out, and only what the carry-out itself would accept
// (checkSourcesAllowed: a link that leads out of the folders is not offered). Reads names and
// sizes only, never contents.
SourceListing listAllowedSources(const std::vector<std::filesystem::path>& allowed,
                                 size_t perFolder);

}  // namespace massho::operations
