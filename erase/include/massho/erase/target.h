#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "massho/base/error.h"

namespace massho::erase {

// What the engine writes to: a whole block device (or, for tests and images, a regular file).
// Opened exclusively for the lifetime of the object.
class Target {
  public:
    virtual ~Target() = default;

    virtual const std::string& path() const = 0;
    virtual uint64_t size() const = 0;
    virtual uint32_t logicalSector() const = 0;
    virtual uint32_t physicalSector() const = 0;
    virtual bool isBlockDevice() const = 0;
    virtual bool directIo() const = 0;  // opened with O_DIRECT (buffers must be aligned)

    // Alignment of every buffer handed to writeAt/readAt: max(4096, physical sector).
    std::size_t bufferAlignment() const;

    // Positional I/O. Return the number of bytes transferred, or -errno. Never throw.
    virtual ssize_t writeAt(const uint8_t* data, std::size_t length, uint64_t offset) = 0;
    virtual ssize_t readAt(uint8_t* data, std::size_t length, uint64_t offset) = 0;
    // fdatasync; returns 0 or an errno value.
    virtual int flush() = 0;
};

// Why a target could not be opened. The message is one line saying what to do.
class TargetError : public base::Error {
  public:
    enum class Kind {
        NotFound,        // no such path
        NotBlockDevice,  // exists, but not a block device (nor an allowed regular file)
        Busy,            // EBUSY from O_EXCL: mounted, or held by another program
        ReadOnly,        // BLKROGET says read-only, or EROFS
        Permission,      // EACCES / EPERM
        Vanished,        // ENXIO / ENODEV: the node exists but the device behind it is gone
        Io,              // anything else (including ioctl failures)
    };
    TargetError(Kind kind, int errnoValue, const std::string& message)
        : base::Error(base::ErrorCategory::Failed, message), kind_(kind), errno_(errnoValue) {}
    Kind kind() const { return kind_; }
    int errnoValue() const { return errno_; }

  private:
    Kind kind_;
    int errno_;
};

struct OpenOptions {
    bool allowRegularFile = false;  // accept a regular file (images, tests)
};

// Opens a block device O_RDWR|O_EXCL|O_DIRECT|O_CLOEXEC after checking it is not read-only
// (BLKROGET), and reads its size and sector sizes. A regular file (if allowed) is opened with
// O_DIRECT when its filesystem supports it and its size is a multiple of 4096, else buffered.
// Throws TargetError.
std::unique_ptr<Target> openTarget(const std::string& path, OpenOptions options = {});

}  // namespace massho::erase
