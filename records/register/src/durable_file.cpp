#include "massho/records/register/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "massho/base/unique_fd.h"

namespace massho::records {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

void syncFolder(const std::filesystem::path& dir) {
    base::UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd || ::fsync(fd.get()) != 0) fail("sync the folder", dir);
}

void writeFileDurably(const std::filesystem::path& file, std::string_view text, mode_t mode) {
    const std::filesystem::path partial = file.string() + ".partial";
    {
        base::UniqueFd fd(
            ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode));
        if (!fd) fail("create", partial);
        for (std::size_t done = 0; done < text.size();) {
            const ssize_t n = ::write(fd.get(), text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) fail("write", partial);
            done += static_cast<std::size_t>(n);
        }
        if (::fsync(fd.get()) != 0) fail("sync", partial);
    }
    if (::rename(partial.c_str(), file.c_str()) != 0) fail("replace", file);
    syncFolder(file.parent_path().empty() ? "." : file.parent_path());
}

}  // namespace massho::records
