#include "massho/testsupport/stalling_disk.h"

#include <fstream>
#include <vector>

#include "massho/testsupport/command.h"

namespace massho::testsupport {
namespace {

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

}  // namespace

bool StallingDisk::toolsPresent() {
    return NbdkitLoop::toolsPresent();
}

StallingDisk::StallingDisk(const std::filesystem::path& dir, uint64_t sizeBytes,
                           std::chrono::milliseconds writeDelay)
    : image_(dir / "stalling.img"),
      stallFlag_(dir / "stalled"),
      waitingFlag_(dir / "read-waiting"),
      writeStallFlag_(dir / "writes-stalled-from"),
      writeWaitingFlag_(dir / "write-waiting"),
      mountPoint_(dir / "stalling-fuse") {
    createSparseImage(image_, sizeBytes);
    disk_ = std::make_unique<NbdkitLoop>(
        mountPoint_, sizeBytes,
        std::vector<std::string>{"sh", writeScript(sizeBytes, writeDelay).string()});
}

StallingDisk::~StallingDisk() {
    release();
}

// The sh plugin's script: a read waits while the stall flag exists (and says it waits); a write
// at or past the offset in the write-stall flag waits while that flag exists (and says so); then
// it sleeps `writeDelay` and writes the image.
std::filesystem::path StallingDisk::writeScript(uint64_t sizeBytes,
                                                std::chrono::milliseconds writeDelay) const {
    std::filesystem::path script = image_.string() + ".sh";
    std::ofstream s(script);
    s << "#!/bin/sh\n"
      << "IMG=" << quoted(image_) << "\n"
      << "case \"$1\" in\n"
      << "  get_size) echo " << sizeBytes << " ;;\n"
      << "  can_write|can_flush) exit 0 ;;\n"
      << "  flush) sync \"$IMG\" ;;\n"
      << "  pread)\n"
      << "    if [ -e " << quoted(stallFlag_) << " ]; then : >" << quoted(waitingFlag_) << "; fi\n"
      << "    while [ -e " << quoted(stallFlag_) << " ]; do sleep 0.05; done\n"
      << "    exec dd if=\"$IMG\" skip=$4 count=$3 iflag=count_bytes,skip_bytes status=none ;;\n"
      << "  pwrite)\n"
      << "    if [ -e " << quoted(writeStallFlag_) << " ] && [ \"$4\" -ge \"$(cat "
      << quoted(writeStallFlag_) << ")\" ]; then\n"
      << "      : >" << quoted(writeWaitingFlag_) << "\n"
      << "      while [ -e " << quoted(writeStallFlag_) << " ]; do sleep 0.05; done\n"
      << "    fi\n"
      << "    sleep " << std::chrono::duration<double>(writeDelay).count() << "\n"
      << "    exec dd of=\"$IMG\" seek=$4 conv=notrunc oflag=seek_bytes status=none ;;\n"
      << "  *) exit 2 ;;\n"
      << "esac\n";
    s.close();
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return script;
}

void StallingDisk::stall() const {
    std::filesystem::remove(waitingFlag_);
    std::ofstream(stallFlag_).close();
    runChecked({"blockdev", "--flushbufs", disk_->path()});
}

void StallingDisk::stallWritesFrom(uint64_t offset) const {
    std::filesystem::remove(writeWaitingFlag_);
    const std::filesystem::path next = writeStallFlag_.string() + ".new";
    std::ofstream(next) << offset << "\n";
    std::filesystem::rename(next, writeStallFlag_);  // never seen half-written by the script
}

void StallingDisk::release() const {
    std::filesystem::remove(stallFlag_);
    std::filesystem::remove(writeStallFlag_);
}

bool StallingDisk::readWaiting() const {
    return std::filesystem::exists(waitingFlag_);
}

bool StallingDisk::writeWaiting() const {
    return std::filesystem::exists(writeWaitingFlag_);
}

}  // namespace massho::testsupport
