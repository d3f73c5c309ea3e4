#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "massho/testsupport/loop_device.h"

namespace massho::testsupport {

// A disk served by nbdkit, for tests that need it to misbehave (pullable_disk.h, stalling_disk.h):
// nbdkit with the given filters and plugin, exported as a file by nbdfuse, and a real /dev/loopN
// (direct I/O, so every request reaches nbdkit) over that file.
class NbdkitLoop {
  public:
    // True when nbdkit, nbdfuse and fusermount3 are installed (appliance/tools/install-deps).
    static bool toolsPresent();

    // Mounts the export in `mountPoint` (created) and waits until it has `sizeBytes`.
    // `nbdkitArgs`: nbdkit's filters, its plugin and the plugin's arguments, e.g.
    // {"--filter=delay", "file", "disk.img", "rdelay=10ms"}. Throws std::runtime_error when
    // nbdfuse cannot be started or exports nothing within 10 s.
    NbdkitLoop(const std::filesystem::path& mountPoint, uint64_t sizeBytes,
               const std::vector<std::string>& nbdkitArgs);
    ~NbdkitLoop();  // detaches the loop device, stops nbdfuse (and so nbdkit), unmounts
    NbdkitLoop(const NbdkitLoop&) = delete;
    NbdkitLoop& operator=(const NbdkitLoop&) = delete;

    const std::string& path() const { return loop_->path(); }  // /dev/loopN

  private:
    void stop();

    std::filesystem::path mountPoint_;
    pid_t server_ = -1;
    std::unique_ptr<LoopDevice> loop_;
};

// An empty sparse file of `sizeBytes` at `file` (replacing it): the image behind such a disk.
void createSparseImage(const std::filesystem::path& file, uint64_t sizeBytes);

}  // namespace massho::testsupport
