#include "massho/testsupport/loop_device.h"

#include <fcntl.h>
#include <linux/loop.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "massho/testsupport/command.h"

namespace massho::testsupport {

bool canUseLoopDevices() {
    return geteuid() == 0 && access("/dev/loop-control", W_OK) == 0;
}

LoopDevice::LoopDevice(const std::filesystem::path& backingFile, uint64_t sizeBytes,
                       LoopOptions options)
    : backing_(backingFile) {
    { std::ofstream create(backing_, std::ios::binary | std::ios::trunc); }
    std::filesystem::resize_file(backing_, sizeBytes);
    attach(options);
}

LoopDevice::LoopDevice(const std::filesystem::path& existingBackingFile, LoopOptions options)
    : backing_(existingBackingFile) {
    attach(options);
}

namespace {

// `partx -d` of every partition the kernel knows on `device`, retried briefly: it fails with
// EBUSY while someone has a partition open.
void removePartitions(const std::string& device) {
    const std::string name = std::filesystem::path(device).filename().string();
    for (int attempt = 0; attempt < 20; ++attempt) {
        bool any = false;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator("/sys/block/" + name, ec))
            any |= entry.path().filename().string().rfind(name + "p", 0) == 0;
        if (!any) return;
        runCommand({"partx", "-d", device});
        usleep(50 * 1000);
    }
}

}  // namespace

void LoopDevice::attach(const LoopOptions& options) {
    std::vector<std::string> argv{"losetup", "-f", "--show"};
    if (options.readOnly) argv.push_back("-r");
    if (options.sectorSize) {
        argv.push_back("-b");
        argv.push_back(std::to_string(options.sectorSize));
    }
    if (options.directIo) argv.push_back("--direct-io=on");
    if (options.offset) {
        argv.push_back("-o");
        argv.push_back(std::to_string(options.offset));
    }
    argv.push_back(backing_.string());
    CommandResult r = runCommand(argv);
    if (r.exitCode != 0) throw std::runtime_error("losetup failed: " + r.err);
    path_ = r.out.substr(0, r.out.find('\n'));
    // A partition a previous user of this loop number left behind (its `partx -d` failed while
    // another process had the partition open, e.g. a discovery running in parallel) would make
    // this device look partitioned: mkfs.vfat then refuses it. Start clean.
    removePartitions(path_);
}

LoopDevice::~LoopDevice() {
    if (path_.empty()) return;
    removePartitions(path_);
    runCommand({"losetup", "-d", path_});
}

void LoopDevice::detach() {
    const CommandResult r = runCommand({"losetup", "-d", path_});
    if (r.exitCode != 0) throw std::runtime_error("losetup -d " + path_ + " failed: " + r.err);
    path_.clear();
}

void LoopDevice::shrinkToNothing() const {
    const int fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open " + path_);
    loop_info64 info{};
    bool done = ioctl(fd, LOOP_GET_STATUS64, &info) == 0;
    info.lo_offset = uint64_t{1} << 40;
    done = done && ioctl(fd, LOOP_SET_STATUS64, &info) == 0;
    close(fd);
    if (!done) throw std::runtime_error("cannot change the offset of " + path_);
}

std::string LoopDevice::name() const {
    return std::filesystem::path(path_).filename().string();
}

std::vector<uint8_t> LoopDevice::readAll() const {
    // Through the device, so that what we read is what the kernel exposes.
    int fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open " + path_);
    std::vector<uint8_t> bytes;
    uint8_t buf[1 << 16];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        bytes.insert(bytes.end(), buf, buf + n);
    }
    close(fd);
    return bytes;
}

void LoopDevice::writeAt(uint64_t offset, const std::vector<uint8_t>& bytes) const {
    int fd = open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open " + path_);
    ssize_t n = pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    fsync(fd);
    close(fd);
    if (n != static_cast<ssize_t>(bytes.size()))
        throw std::runtime_error("short write to " + path_);
}

}  // namespace massho::testsupport
