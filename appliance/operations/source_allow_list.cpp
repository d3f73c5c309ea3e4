#include "massho/operations/source_allow_list.h"

#include <fstream>
#include <string>

#include "massho/operations/erasure_job.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;
using Category = base::ErrorCategory;

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r");
    size_t b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

bool isInside(const fs::path& path, const fs::path& folder) {
    auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::vector<fs::path> loadSourceAllowList(const fs::path& dataDir) {
    std::vector<fs::path> folders;
    std::ifstream in(dataDir / kSourceAllowListFile);
    std::string line;
    for (int n = 0; n < 1000 && std::getline(in, line); ++n) {
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::error_code ec;
        fs::path folder = fs::canonical(line, ec);
        // A listed folder that does not exist allows nothing (and is not an error here).
        if (!ec && fs::path(line).is_absolute()) folders.push_back(folder);
    }
    return folders;
}

void checkSourcesAllowed(const std::vector<fs::path>& sources, const std::vector<fs::path>& allowed,
                         const fs::path& dataDir) {
    if (allowed.empty())
        throw OperationError(Category::BadInput,
                             "no source folders are allowed for carry-out: an administrator lists "
                             "them, one per line, in " +
                                 (dataDir / kSourceAllowListFile).string());
    for (const auto& source : sources) {
        std::error_code ec;
        fs::path real = fs::canonical(source, ec);
        if (ec)
            throw OperationError(Category::BadInput,
                                 "cannot carry out " + source.string() + ": " + ec.message());
        bool ok = false;
        for (const auto& folder : allowed) ok = ok || isInside(real, folder) || real == folder;
        if (!ok)
            throw OperationError(Category::BadInput,
                                 source.string() +
                                     " is outside the folders allowed for carry-out (" +
                                     (dataDir / kSourceAllowListFile).string() +
                                     "): copy it into an allowed folder first");
    }
}

}  // namespace massho::operations
