#include "exfat_format.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "massho/base/unique_fd.h"
#include "massho/image/carryout_error.h"
#include "subprocess.h"

namespace massho::image::detail {
namespace {

using Kind = CarryOutError::Kind;

[[noreturn]] void fail(const std::string& what) {
    throw CarryOutError(Kind::Failed, "formatting the medium as exFAT failed: " + what);
}

// A sparse file in the temporary directory, removed when done.
class ScratchImage {
  public:
    explicit ScratchImage(uint64_t bytes) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "massho-exfat-XXXXXX").string();
        fd_ = base::UniqueFd(::mkostemp(pattern.data(), O_CLOEXEC));
        if (!fd_) fail("no scratch file in " + pattern + " (" + std::strerror(errno) + ")");
        path_ = pattern;
        if (::ftruncate(fd_.get(), static_cast<off_t>(bytes)) != 0)
            fail("scratch file of " + std::to_string(bytes) + " bytes (" + std::strerror(errno) +
                 ")");
    }
    ~ScratchImage() { ::unlink(path_.c_str()); }
    ScratchImage(const ScratchImage&) = delete;
    ScratchImage& operator=(const ScratchImage&) = delete;

    const std::string& path() const { return path_; }
    int fd() const { return fd_.get(); }

  private:
    base::UniqueFd fd_;
    std::string path_;
};

// Copies [from, to) of the image to the same place in the partition.
void copyRange(int image, int device, uint64_t partitionOffset, uint64_t from, uint64_t to) {
    if (::lseek(device, static_cast<off_t>(partitionOffset + from), SEEK_SET) < 0)
        fail("cannot seek on the medium (" + std::string(std::strerror(errno)) + ")");
    std::vector<char> buf(1 << 20);
    for (uint64_t at = from; at < to;) {
        const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), to - at));
        ssize_t n = ::pread(image, buf.data(), want, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            fail("cannot read the scratch image (" + std::string(std::strerror(errno)) + ")");
        if (!writeAll(device, buf.data(), static_cast<size_t>(n)))
            fail("cannot write the medium at byte " + std::to_string(partitionOffset + at) + " (" +
                 std::strerror(errno) + "): it may have been pulled out");
        at += static_cast<uint64_t>(n);
    }
}

}  // namespace

void formatExfat(const std::string& device, uint64_t partitionOffset, uint64_t partitionBytes,
                 const std::string& label, const std::string& serialHex) {
    ScratchImage image(partitionBytes);
    runTool({"mkfs.exfat", "-L", label, image.path()});
    runTool({"tune.exfat", "-I", "0x" + serialHex, image.path()});

    base::UniqueFd out(::open(device.c_str(), O_WRONLY | O_CLOEXEC));
    if (!out) fail("cannot open " + device + " (" + std::strerror(errno) + ")");
    // The regions mkfs.exfat wrote are the image's data; the holes it never touched.
    for (off_t at = 0;;) {
        const off_t data = ::lseek(image.fd(), at, SEEK_DATA);
        if (data < 0) break;  // ENXIO: no data after `at`
        const off_t hole = ::lseek(image.fd(), data, SEEK_HOLE);
        if (hole < 0)
            fail("cannot read the scratch image (" + std::string(std::strerror(errno)) + ")");
        copyRange(image.fd(), out.get(), partitionOffset, static_cast<uint64_t>(data),
                  static_cast<uint64_t>(hole));
        at = hole;
    }
}

}  // namespace massho::image::detail
