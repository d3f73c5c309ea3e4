#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "massho/appliance/system_paths.h"
#include "sysfs.h"

namespace massho::appliance::detail {

// One block device node as sysfs describes it: a whole disk (/sys/block/X) or a partition
// (/sys/block/X/XN).
struct SysNode {
    std::string name;              // vda, vda1, dm-0, loop3p1
    std::filesystem::path sysDir;  // <sys>/block/X or <sys>/block/X/XN
    DevNumber dev;
    std::string parentDisk;            // the disk's name for a partition; empty for a disk
    std::vector<std::string> holders;  // devices stacked on top (dm, md, …)
    std::vector<std::string> slaves;   // devices underneath (for dm, md)
    std::string backingFile;           // loop devices
    std::string dmName;                // device-mapper name (/dev/mapper/NAME)
    bool isPartition() const { return !parentDisk.empty(); }
};

// Every block device Massho considers, indexed by name and by device number.
class DeviceIndex {
  public:
    static DeviceIndex scan(const SystemPaths& paths);

    const SysNode* byName(const std::string& name) const;
    const SysNode* byDev(DevNumber dev) const;
    // A path as mountinfo or /proc/swaps print it (/dev/vda1, /dev/mapper/root, a symlink under
    // /dev/disk/…), resolved within paths.dev; nullptr when it names no known device.
    const SysNode* byDevPath(const std::string& devPath, const SystemPaths& paths) const;

    std::vector<const SysNode*> disks() const;  // sorted by name (natural order)
    std::vector<const SysNode*> partitionsOf(const std::string& diskName) const;

  private:
    void add(SysNode node);
    std::map<std::string, SysNode> nodes_;
    std::map<DevNumber, std::string> byDev_;
};

// True for /sys/block names Massho never lists (ram disks, compressed swap in RAM).
bool isIgnoredDiskName(const std::string& name);

// The whole disks discovery lists: /sys/block entries except ram disks, zram and loop devices
// with nothing attached (no backing file, or size 0). Sorted by name (plain order). The one rule
// of which disks are "there", shared by discovery and DeviceMonitor so that they always agree.
std::vector<std::string> listedDiskNames(const SystemPaths& paths);
bool isListedDisk(const SystemPaths& paths, const std::string& name);

// Natural order: loop2 before loop10.
bool naturalLess(const std::string& a, const std::string& b);

}  // namespace massho::appliance::detail
