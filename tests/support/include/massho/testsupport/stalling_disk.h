#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "massho/testsupport/nbdkit_loop.h"

namespace massho::testsupport {

// A disk whose reads can be made to wait, as a busy or dying disk keeps a reader waiting for
// seconds or minutes: nbdkit's sh plugin over a sparse image (each request a dd), exported as a
// file by nbdfuse, and a real /dev/loopN (direct I/O, so every request reaches nbdkit) over it.
// stall() makes every read from then on wait until release(); writes go on (slowed by
// `writeDelay` each, so that a job writing it runs long enough to be caught mid-pass), unless
// stallWritesFrom() made those at or past an offset wait too: a device that hangs mid-pass.
class StallingDisk {
  public:
    // True when nbdkit, nbdfuse and fusermount3 are installed (appliance/tools/install-deps).
    static bool toolsPresent();

    // Everything lives in `dir` (image, script, flag files, FUSE mount point).
    StallingDisk(const std::filesystem::path& dir, uint64_t sizeBytes,
                 std::chrono::milliseconds writeDelay = {});
    ~StallingDisk();  // releases, detaches, stops the server
    StallingDisk(const StallingDisk&) = delete;
    StallingDisk& operator=(const StallingDisk&) = delete;

    const std::string& path() const { return disk_->path(); }  // /dev/loopN
    // From now on reads wait; what the kernel cached of the device is dropped (BLKFLSBUF), so
    // that a reader reaches the disk.
    void stall() const;
    // From now on every write at or past byte `offset` waits until release() (those before it
    // go on): a job writing in order hangs after `offset` bytes.
    void stallWritesFrom(uint64_t offset) const;
    // Reads and writes go on again.
    void release() const;
    // True once a read has arrived since stall(): someone is waiting on the disk.
    bool readWaiting() const;
    // True once a write has been held since stallWritesFrom().
    bool writeWaiting() const;

  private:
    std::filesystem::path writeScript(uint64_t sizeBytes,
                                      std::chrono::milliseconds writeDelay) const;

    std::filesystem::path image_, stallFlag_, waitingFlag_, writeStallFlag_, writeWaitingFlag_,
        mountPoint_;
    std::unique_ptr<NbdkitLoop> disk_;
};

}  // namespace massho::testsupport
