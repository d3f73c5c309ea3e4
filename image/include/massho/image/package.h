#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace massho::image {

// One thing to put in the tar: a regular file or a folder, under a relative name.
struct PackageItem {
    std::filesystem::path source;  // absolute, as found on disk
    std::string name;              // inside the tar: "report.pdf", "folder/sub/file.txt"
    bool directory = false;
    uint64_t size = 0;
};

// What will be packaged, found before the medium is touched: the file count and total size go
// into the register entry, the upper bound into the "medium too small" check.
struct PackagePlan {
    std::vector<PackageItem> items;
    uint64_t fileCount = 0;
    uint64_t totalBytes = 0;  // sum of the regular files' sizes
    uint64_t tarBytesUpperBound = 0;
};

// Walks the chosen files and folders (folders recursively, sorted, names relative to the folder's
// parent). Refuses (CarryOutError BadInput) a missing path, a symbolic link anywhere, a device,
// socket or FIFO, an unreadable file, a name not in UTF-8, two sources with the same top-level
// name, more than `maxItems` entries, and a plan with no file (it would erase to write nothing).
PackagePlan planPackage(const std::vector<std::filesystem::path>& sources,
                        size_t maxItems = 1'000'000);

// Writes the plan as a POSIX (pax) tar stream through libarchive into `sink`, a file at a time in
// 64 KiB reads. `onBytes` is told the plaintext file bytes done so far. A file that changed size
// or vanished since planning fails the package (CarryOutError Failed): a tar must not lie.
// Exceptions thrown by `sink` propagate unchanged.
void writeTar(const PackagePlan& plan, const std::function<void(const void*, size_t)>& sink,
              const std::function<void(uint64_t)>& onBytes = {});

}  // namespace massho::image
