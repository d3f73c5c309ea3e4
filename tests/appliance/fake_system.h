#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "massho/appliance/system_paths.h"

namespace massho::appliance::testing {

// A fake /sys, /dev, mountinfo and /proc/swaps in a folder, laid out like the kernel's:
// <root>/sys/devices/<bus path>/block/<disk>[/<partition>], with <root>/sys/block/<disk> a
// symlink to it. Lets tests describe machines that do not exist here (a system disk /dev/vda,
// dm stacks, swap partitions) without touching a real device.
class FakeSystem {
  public:
    explicit FakeSystem(const std::filesystem::path& root);

    // A whole disk under sys/devices/<busPath>/block/<name>; busPath "virtual" for loop/dm/md.
    std::filesystem::path addDisk(const std::string& name, const std::string& busPath,
                                  const std::string& dev, uint64_t sizeBytes);
    // Takes a disk away as the kernel does when it goes: /sys/block/<name> and its device folder.
    void removeDisk(const std::string& name);
    std::filesystem::path addPartition(const std::string& disk, const std::string& name,
                                       const std::string& dev, uint64_t sizeBytes);
    // Writes an attribute relative to the device folder of `name` (a disk or a partition).
    void setAttribute(const std::string& name, const std::string& relative,
                      const std::string& value);
    // Writes any file relative to <root>/sys.
    void writeSysFile(const std::string& relative, const std::string& value);
    // `upper` (dm-0, md0) stacked on `lower` (a disk or partition): upper/slaves/lower and
    // lower/holders/upper.
    void stack(const std::string& upper, const std::string& lower);
    // Appends a mountinfo line (proc(5) format); mountPoint is given already escaped.
    void mount(const std::string& dev, const std::string& mountPoint, const std::string& source,
               const std::string& fsType = "ext4");
    void addSwap(const std::string& fileName);

    const SystemPaths& paths() const { return paths_; }

  private:
    std::filesystem::path deviceDir(const std::string& name) const;
    std::filesystem::path root_;
    SystemPaths paths_;
    int nextMountId_ = 20;
};

}  // namespace massho::appliance::testing
