// libFuzzer: an export folder handed to `register verify` (records::verifyRegister), the one
// input an auditor brings from elsewhere whole: checkpoint, tiles, entry bundles, verifier keys,
// stored checkpoints and cosignatures. The input is a folder packed as files, each
//   <relative path>\n<decimal length>\n<that many bytes>
// (tests/fuzz/pack-export packs a real export into a seed). The files are written to a scratch
// folder, verified, and the folder is emptied again.
// Contract: only RecordsError may escape (a report saying what is wrong is the normal answer);
// anything else, a crash or an allocation beyond libFuzzer's limit is a finding.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "massho/records/register/errors.h"
#include "massho/records/register/verify.h"

namespace {

namespace fs = std::filesystem;

// Paths as an export holds them (tile/0/x001/002.p/7): no "..", nothing absolute, bounded.
bool plausiblePath(std::string_view path) {
    if (path.empty() || path.size() > 64 || path.front() == '/') return false;
    if (path.find("..") != std::string_view::npos || path.find("//") != std::string_view::npos)
        return false;
    for (const char c : path) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-' || c == '_';
        if (!ok) return false;
    }
    return path.back() != '/';
}

// Takes the text up to the next '\n' off the front of `in`; false when there is none.
bool takeLine(std::string_view& in, std::string_view& line) {
    const size_t end = in.find('\n');
    if (end == std::string_view::npos) return false;
    line = in.substr(0, end);
    in.remove_prefix(end + 1);
    return true;
}

bool parseLength(std::string_view text, size_t& length) {
    if (text.empty() || text.size() > 7) return false;
    length = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
        length = length * 10 + static_cast<size_t>(c - '0');
    }
    return true;
}

// Writes the packed files under `dir`; stops at the first malformed record (what came before
// is still a folder worth verifying).
void unpack(std::string_view in, const fs::path& dir) {
    std::string_view path, lengthText;
    size_t length = 0;
    while (takeLine(in, path) && takeLine(in, lengthText) && parseLength(lengthText, length)) {
        const std::string_view bytes = in.substr(0, length);
        in.remove_prefix(bytes.size());
        if (!plausiblePath(path)) continue;
        const fs::path file = dir / fs::path(path);
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        if (ec) continue;  // a file already stands where a folder would go
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
}

// $TMPDIR when set; else /dev/shm, memory, when there is one: every execution writes a folder
// and removes it again, which on a disk filesystem costs journal writes and halves the rate.
const fs::path& scratch() {
    static const fs::path dir = [] {
        const char* base = getenv("TMPDIR");
        std::error_code ec;
        const fs::path root = base && *base                      ? fs::path(base)
                              : fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm")
                                                                 : fs::path("/tmp");
        return root / ("massho-export-fuzz-" + std::to_string(getpid()));
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const fs::path& dir = scratch();
    fs::remove_all(dir);
    fs::create_directories(dir);
    unpack(std::string_view(reinterpret_cast<const char*>(data), size), dir);
    massho::records::VerifyOptions options;
    options.threads = 1;
    options.batchEntries = 5;  // small batches: the boundaries between them are crossed too
    try {
        (void)massho::records::verifyRegister(dir, options).text();
    } catch (const massho::records::RecordsError&) {
    }
    fs::remove_all(dir);
    return 0;
}
