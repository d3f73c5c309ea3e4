#pragma once

#include <filesystem>
#include <string>

namespace massho::testsupport {

// Writes `bytes` to `file` (replacing it), creating its folder first when missing.
void writeFile(const std::filesystem::path& file, const std::string& bytes);

}  // namespace massho::testsupport
