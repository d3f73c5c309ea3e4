#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "massho/testsupport/loop_device.h"

namespace massho::testsupport {

// A disk with a volatile write cache, whose power can be cut: nbdkit's file plugin over an image,
// behind its cache filter in writeback mode (a write stays in nbdkit's cache until the client
// flushes: an fsync reaches it as a flush through the loop device, FUSE and NBD), exported by
// nbdfuse, and a real /dev/loopN (direct I/O) over that file.
// cutPower() kills nbdkit with SIGKILL: every write not flushed is lost, as a disk's cache is
// when the power fails, and the loop device fails every request from then on. powerOn() brings
// the disk back with what reached the image, under a new /dev/loopN.
class PowerCutDisk {
  public:
    // True when nbdkit, nbdfuse and fusermount3 are installed (appliance/tools/install-deps).
    static bool toolsPresent();

    // Everything lives in `dir` (image, socket, FUSE mount points).
    PowerCutDisk(const std::filesystem::path& dir, uint64_t sizeBytes);
    ~PowerCutDisk();
    PowerCutDisk(const PowerCutDisk&) = delete;
    PowerCutDisk& operator=(const PowerCutDisk&) = delete;

    const std::string& path() const { return loop_->path(); }  // /dev/loopN
    void cutPower();
    // After cutPower(), once nothing has the old /dev/loopN mounted: a fresh export of the image.
    void powerOn();

  private:
    void start();
    void stop();

    std::filesystem::path dir_, image_, socket_;
    uint64_t size_;
    int generation_ = 0;  // a new FUSE mount point each time: the last may still be going away
    pid_t server_ = -1, fuse_ = -1;
    std::unique_ptr<LoopDevice> loop_;
};

}  // namespace massho::testsupport
