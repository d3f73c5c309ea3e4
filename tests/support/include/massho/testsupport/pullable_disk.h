#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "massho/testsupport/nbdkit_loop.h"

namespace massho::testsupport {

// A disk that pulls itself out at a chosen place, whatever the timing: at the first write, or the
// first read after its last sector has been written (a pass done, verification under way), that
// covers `byte`. That request fails, and every one after it (the trigger file is created).
// Programs probing the device meanwhile (libblkid, other services on the machine read its first
// and last pages) touch neither the middle nor, so, the trigger.
struct SelfPull {
    enum class During { Writing, ReadingBack };
    During during;
    uint64_t byte;
};

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
    // Pulls itself as `when` says (nbdkit's sh plugin over the image instead of its file plugin:
    // slower, each request a dd).
    PullableDisk(const std::filesystem::path& dir, uint64_t sizeBytes, SelfPull when);
    ~PullableDisk();
    PullableDisk(const PullableDisk&) = delete;
    PullableDisk& operator=(const PullableDisk&) = delete;

    const std::string& path() const { return disk_->path(); }  // /dev/loopN
    void pull() const;
    bool pulled() const;  // by pull() or by itself

  private:
    // The image and the folders; the constructors then start the server and attach.
    void prepare(const std::filesystem::path& dir, uint64_t sizeBytes);
    std::filesystem::path writeSelfPullingScript(uint64_t sizeBytes, SelfPull when) const;
    // `plugin`: more filters, nbdkit's plugin and its arguments, behind the error filter.
    void start(uint64_t sizeBytes, const std::vector<std::string>& plugin);

    std::filesystem::path dir_, image_, trigger_;
    std::unique_ptr<NbdkitLoop> disk_;
};

}  // namespace massho::testsupport
