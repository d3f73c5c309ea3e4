#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace massho::testsupport {

// True when this process may create loop devices (root, /dev/loop-control present).
bool canUseLoopDevices();

// Skips the current GoogleTest test (GTEST_SKIP) unless loop devices can be used.
#define MASSHO_REQUIRE_LOOP_DEVICES()                                         \
    do {                                                                      \
        if (!::massho::testsupport::canUseLoopDevices())                      \
            GTEST_SKIP() << "needs root and /dev/loop-control (run as root)"; \
    } while (0)

struct LoopOptions {
    bool readOnly = false;    // losetup -r
    uint32_t sectorSize = 0;  // losetup -b N (0 = kernel default, 512)
    bool directIo = false;    // losetup --direct-io=on
    uint64_t offset = 0;      // losetup -o N: a partition of the backing file, for its fsck
};

// A real /dev/loopN over a backing file (created with the given size, or an existing file such as
// a FUSE-exported disk). Detached on destruction.
class LoopDevice {
  public:
    LoopDevice(const std::filesystem::path& backingFile, uint64_t sizeBytes,
               LoopOptions options = {});
    explicit LoopDevice(const std::filesystem::path& existingBackingFile, LoopOptions options = {});
    ~LoopDevice();
    LoopDevice(const LoopDevice&) = delete;
    LoopDevice& operator=(const LoopDevice&) = delete;

    const std::string& path() const { return path_; }  // /dev/loopN
    std::string name() const;                          // loopN
    const std::filesystem::path& backingFile() const { return backing_; }

    // Reads the backing file (through the device, O_DIRECT-free) for assertions.
    std::vector<uint8_t> readAll() const;
    void writeAt(uint64_t offset, const std::vector<uint8_t>& bytes) const;

    // losetup -d now. While a program holds the device open the kernel only marks it to detach
    // when the last descriptor closes; either way the destructor leaves it alone afterwards (its
    // number may already belong to another device by then).
    void detach();
    // Makes the device what the kernel leaves of an unplugged disk that a program still holds
    // open: size 0, writes fail with ENOSPC, reads return nothing. (LOOP_SET_STATUS64 with an
    // offset beyond the end of the backing file, which the kernel accepts while it is open.)
    void shrinkToNothing() const;

  private:
    void attach(const LoopOptions& options);
    std::filesystem::path backing_;
    std::string path_;
};

}  // namespace massho::testsupport
