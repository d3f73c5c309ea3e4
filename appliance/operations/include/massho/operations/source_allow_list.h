#pragma once

#include <filesystem>
#include <vector>

namespace massho::operations {

// The folders files may be carried out from. One absolute folder per line in
// DATA_DIR/carryout-sources; '#' starts a comment. Missing file = nothing may be carried out.
inline constexpr const char* kSourceAllowListFile = "carryout-sources";

std::vector<std::filesystem::path> loadSourceAllowList(const std::filesystem::path& dataDir);

// Throws OperationError(BadInput) naming the first path that is missing or, once symbolic links
// are resolved, lies outside every allowed folder.
void checkSourcesAllowed(const std::vector<std::filesystem::path>& sources,
                         const std::vector<std::filesystem::path>& allowed,
                         const std::filesystem::path& dataDir);

}  // namespace massho::operations
