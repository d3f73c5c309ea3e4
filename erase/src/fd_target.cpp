#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "massho/base/unique_fd.h"
#include "massho/erase/target.h"

namespace massho::erase {
namespace {

using base::UniqueFd;

struct Geometry {
    uint64_t size = 0;
    uint32_t logical = 512;
    uint32_t physical = 512;
};

// A block device or regular file behind one descriptor.
class FdTarget final : public Target {
  public:
    FdTarget(std::string path, UniqueFd fd, Geometry geometry, bool block, bool direct)
        : path_(std::move(path)),
          fd_(std::move(fd)),
          geometry_(geometry),
          block_(block),
          direct_(direct) {}

    const std::string& path() const override { return path_; }
    uint64_t size() const override { return geometry_.size; }
    uint32_t logicalSector() const override { return geometry_.logical; }
    uint32_t physicalSector() const override { return geometry_.physical; }
    bool isBlockDevice() const override { return block_; }
    bool directIo() const override { return direct_; }

    ssize_t writeAt(const uint8_t* data, std::size_t length, uint64_t offset) override {
        ssize_t n;
        do {
            n = ::pwrite(fd_.get(), data, length, static_cast<off_t>(offset));
        } while (n < 0 && errno == EINTR);
        return n < 0 ? -errno : n;
    }
    ssize_t readAt(uint8_t* data, std::size_t length, uint64_t offset) override {
        ssize_t n;
        do {
            n = ::pread(fd_.get(), data, length, static_cast<off_t>(offset));
        } while (n < 0 && errno == EINTR);
        return n < 0 ? -errno : n;
    }
    int flush() override { return ::fdatasync(fd_.get()) == 0 ? 0 : errno; }

  private:
    std::string path_;
    UniqueFd fd_;
    Geometry geometry_;
    bool block_;
    bool direct_;
};

[[noreturn]] void throwOpenError(const std::string& path, int err) {
    using K = TargetError::Kind;
    const std::string why = std::strerror(err);
    switch (err) {
        case ENOENT:
        case ENOTDIR:
            throw TargetError(K::NotFound, err, path + " does not exist: check the device path");
        case EBUSY:
            throw TargetError(K::Busy, err,
                              path +
                                  " is busy (mounted or held open by another program): "
                                  "unmount it and stop whatever uses it");
        case EROFS:
            throw TargetError(K::ReadOnly, err,
                              path + " is read-only: remove the write protection first");
        case EACCES:
        case EPERM:
            throw TargetError(K::Permission, err,
                              path + " cannot be opened for writing (" + why + "): run as root");
        case ENXIO:
        case ENODEV:
        case ENOMEDIUM:
            throw TargetError(K::Vanished, err,
                              path + " has no device behind it (" + why +
                                  "): it was unplugged or has no medium; reconnect it");
        default:
            throw TargetError(K::Io, err, "cannot open " + path + ": " + why);
    }
}

[[noreturn]] void throwIoctlError(const std::string& path, const char* what, int err) {
    throw TargetError(
        TargetError::Kind::Io, err,
        std::string("cannot read the ") + what + " of " + path + ": " + std::strerror(err));
}

UniqueFd openOrThrow(const std::string& path, int flags) {
    UniqueFd fd(::open(path.c_str(), flags));
    if (!fd) throwOpenError(path, errno);
    return fd;
}

Geometry blockGeometry(const std::string& path, int fd) {
    Geometry g;
    int logical = 0;
    unsigned int physical = 0;
    if (::ioctl(fd, BLKGETSIZE64, &g.size) != 0) throwIoctlError(path, "size", errno);
    if (::ioctl(fd, BLKSSZGET, &logical) != 0) throwIoctlError(path, "logical sector size", errno);
    if (::ioctl(fd, BLKPBSZGET, &physical) != 0) {
        throwIoctlError(path, "physical sector size", errno);
    }
    g.logical = static_cast<uint32_t>(logical);
    g.physical = std::max(static_cast<uint32_t>(physical), g.logical);
    return g;
}

// A `losetup -r` device accepts open(O_RDWR) and then fails every write with EPERM, so ask
// the kernel (BLKROGET) before anything is written.
void refuseReadOnly(const std::string& path, int fd) {
    int readOnly = 0;
    if (::ioctl(fd, BLKROGET, &readOnly) != 0) throwIoctlError(path, "read-only flag", errno);
    if (readOnly) {
        throw TargetError(TargetError::Kind::ReadOnly, EROFS,
                          path + " is a read-only device: remove the write protection first");
    }
}

std::unique_ptr<Target> openBlockDevice(const std::string& path) {
    {
        UniqueFd probe = openOrThrow(path, O_RDONLY | O_CLOEXEC);
        refuseReadOnly(path, probe.get());
    }
    UniqueFd fd = openOrThrow(path, O_RDWR | O_EXCL | O_DIRECT | O_CLOEXEC);
    refuseReadOnly(path, fd.get());  // it may have changed between the two opens
    Geometry g = blockGeometry(path, fd.get());
    if (g.size == 0 || g.size % g.logical != 0) {
        throw TargetError(TargetError::Kind::Io, 0,
                          path + " reports a size that is not a whole number of sectors (" +
                              std::to_string(g.size) + " bytes): check the device");
    }
    return std::make_unique<FdTarget>(path, std::move(fd), g, true, true);
}

std::unique_ptr<Target> openRegularFile(const std::string& path, uint64_t size) {
    constexpr uint32_t kPage = 4096;
    if (size == 0) {
        throw TargetError(TargetError::Kind::Io, 0, path + " is empty: nothing to erase");
    }
    if (size % kPage == 0) {
        UniqueFd fd(::open(path.c_str(), O_RDWR | O_DIRECT | O_CLOEXEC));
        if (fd)
            return std::make_unique<FdTarget>(path, std::move(fd), Geometry{size, kPage, kPage},
                                              false, true);
        if (errno != EINVAL) throwOpenError(path, errno);
        // EINVAL: this filesystem does not support O_DIRECT; fall back to buffered + fdatasync.
    }
    UniqueFd fd = openOrThrow(path, O_RDWR | O_CLOEXEC);
    return std::make_unique<FdTarget>(path, std::move(fd), Geometry{size, 1, kPage}, false, false);
}

}  // namespace

std::size_t Target::bufferAlignment() const {
    return std::max<std::size_t>(4096, physicalSector());
}

std::unique_ptr<Target> openTarget(const std::string& path, OpenOptions options) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throwOpenError(path, errno);
    if (S_ISBLK(st.st_mode)) return openBlockDevice(path);
    if (S_ISREG(st.st_mode) && options.allowRegularFile) {
        return openRegularFile(path, static_cast<uint64_t>(st.st_size));
    }
    throw TargetError(TargetError::Kind::NotBlockDevice, 0,
                      path + " is not a block device: give a whole disk such as /dev/sdX");
}

}  // namespace massho::erase
