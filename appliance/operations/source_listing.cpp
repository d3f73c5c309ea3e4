#include "massho/operations/source_listing.h"

#include <algorithm>
#include <optional>

#include "massho/operations/operation_error.h"
#include "massho/operations/source_allow_list.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;

// The names directly inside `folder`, sorted; unreadable folders list nothing (the carry-out
// would refuse them with its own reason).
std::vector<fs::path> namesIn(const fs::path& folder) {
    std::vector<fs::path> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name.front() != '.') names.push_back(it->path());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The entry as the carry-out would take it, or nothing when it would refuse it (a link out of
// the allowed folders, a device node, a socket).
std::optional<SourceEntry> offered(const fs::path& folder, const fs::path& path,
                                   const std::vector<fs::path>& allowed) {
    try {
        checkSourcesAllowed({path}, allowed, {});
    } catch (const OperationError&) {
        return std::nullopt;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !(fs::is_regular_file(status) || fs::is_directory(status))) return std::nullopt;
    SourceEntry entry{folder, path, path.filename().string(), fs::is_directory(status), 0};
    if (!entry.directory) entry.size = fs::file_size(path, ec);
    return entry;
}

}  // namespace

SourceListing listAllowedSources(const std::vector<fs::path>& allowed, size_t perFolder) {
    SourceListing listing;
    for (const fs::path& folder : allowed) {
        size_t listed = 0;
        for (const fs::path& path : namesIn(folder)) {
            if (listed == perFolder) {
                listing.truncated = true;
                break;
            }
            if (auto entry = offered(folder, path, allowed)) {
                listing.entries.push_back(std::move(*entry));
                ++listed;
            }
        }
    }
    return listing;
}

}  // namespace massho::operations
