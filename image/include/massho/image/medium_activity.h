#pragma once

#include <cstdint>
#include <string>

namespace massho::image {

// Whether a block device has answered anything lately: the kernel's counts of the requests it
// completed (/sys/dev/block/MAJ:MIN/stat; the kernel's Documentation/block/stat.rst: read,
// write, discard and flush I/Os). The carry-out's medium writing runs tools (sfdisk, mkfs,
// mcopy) whose calls it cannot time, and the kernel's write-back flushes their writes long after
// they returned: a device that completes requests is still answering, however long the step
// takes; one that completes none while a step waits has stopped.
class MediumActivity {
  public:
    // Anything but a block device (an image file in a test) never counts as moving.
    explicit MediumActivity(const std::string& device);

    // True when the device completed a request since the last call (or construction).
    bool moved();

  private:
    uint64_t completed() const;

    std::string statPath_;  // empty: not a block device
    uint64_t last_ = 0;
};

}  // namespace massho::image
