#include "massho/testsupport/power_cut_disk.h"

#include <signal.h>
#include <sys/stat.h>

#include "massho/testsupport/command.h"
#include "massho/testsupport/nbdkit_loop.h"
#include "massho/testsupport/quiet_process.h"

namespace massho::testsupport {

bool PowerCutDisk::toolsPresent() {
    return NbdkitLoop::toolsPresent();
}

PowerCutDisk::PowerCutDisk(const std::filesystem::path& dir, uint64_t sizeBytes)
    : dir_(dir), image_(dir / "powered.img"), socket_(dir / "powered.sock"), size_(sizeBytes) {
    createSparseImage(image_, sizeBytes);
    start();
}

PowerCutDisk::~PowerCutDisk() {
    stop();
}

void PowerCutDisk::start() {
    std::filesystem::remove(socket_);
    server_ = startQuietly({"nbdkit", "-f", "-U", socket_.string(), "--filter=cache", "file",
                            image_.string(), "cache=writeback"});
    waitUntil([&] { return std::filesystem::exists(socket_); }, "nbdkit did not start");
    const std::filesystem::path mountPoint =
        dir_ / ("powered-fuse-" + std::to_string(generation_++));
    std::filesystem::create_directories(mountPoint);
    const std::filesystem::path file = mountPoint / "disk";
    fuse_ = startQuietly({"nbdfuse", file.string(), "--unix", socket_.string()});
    waitUntil(
        [&] {
            struct stat st {};
            return ::stat(file.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) == size_;
        },
        "nbdfuse did not export " + image_.string());
    loop_ = std::make_unique<LoopDevice>(file, LoopOptions{.directIo = true});
}

void PowerCutDisk::stop() {
    loop_.reset();  // losetup -d: deferred by the kernel while a file system still holds it
    const std::filesystem::path mountPoint =
        dir_ / ("powered-fuse-" + std::to_string(generation_ - 1));
    endProcess(fuse_, SIGTERM);  // nbdfuse unmounts its file
    runCommand({"fusermount3", "-u", "-z", mountPoint.string()});
    endProcess(server_, SIGTERM);
}

void PowerCutDisk::cutPower() {
    endProcess(server_, SIGKILL);
}

void PowerCutDisk::powerOn() {
    stop();
    start();
}

}  // namespace massho::testsupport
