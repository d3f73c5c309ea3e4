#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "massho/testsupport/loop_device.h"

namespace massho::testsupport {

// A disk that can be pulled out while a job uses it: nbdkit's file plugin over a sparse image,
// behind nbdkit's error filter, exported as a file by nbdfuse, and a real /dev/loopN (direct
// I/O, so every request reaches nbdkit) over that file.
// pull() creates the error filter's trigger file: from then on every read and write fails with
// EIO, as on a USB stick pulled out of its socket.
class PullableDisk {
  public:
    // True when nbdkit, nbdfuse and fusermount3 are installed (appliance/tools/install-deps).
    static bool toolsPresent();

    // Everything lives in `dir` (image, trigger file, FUSE mount point). `delay` slows every read
    // and write request down (nbdkit's delay filter), so that a test can catch a job mid-pass.
    PullableDisk(const std::filesystem::path& dir, uint64_t sizeBytes,
                 std::chrono::milliseconds delay = {});
    ~PullableDisk();
    PullableDisk(const PullableDisk&) = delete;
    PullableDisk& operator=(const PullableDisk&) = delete;

    const std::string& path() const { return loop_->path(); }  // /dev/loopN
    void pull() const;

  private:
    void startServer(uint64_t sizeBytes, std::chrono::milliseconds delay);
    void stopServer();

    std::filesystem::path image_, trigger_, mountPoint_;
    pid_t server_ = -1;
    std::unique_ptr<LoopDevice> loop_;
};

}  // namespace massho::testsupport
