#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "device_index.h"
#include "massho/appliance/block_device.h"
#include "massho/appliance/devices.h"
#include "mount_table.h"

namespace massho::appliance::detail {

// Why a device may not be touched, gathered once from mountinfo, /proc/swaps, the protected paths
// and the sysfs stacking (partitions → disk, slaves/ of dm and md, loop backing files).
class UsageMap {
  public:
    static UsageMap build(const DeviceIndex& index, const GuardOptions& options,
                          const SystemPaths& paths);

    // Non-empty when the device (or something stacked on it) holds the system: "/ is mounted
    // from /dev/vda1", "swap is active on /dev/vdb2", …
    std::string systemWhy(const std::string& name) const;
    // Non-empty when the device or something stacked on it is mounted: "mounted at /mnt/x",
    // "dm-0 on it is mounted at /".
    std::string mountedWhy(const std::string& name) const;
    // The mount point when the device itself is mounted, else empty.
    std::string mountPoint(const std::string& name) const;

  private:
    UsageMap(const DeviceIndex& index, const SystemPaths& paths);
    const SysNode* nodeOfMount(const MountEntry& mount) const;
    std::vector<const SysNode*> devicesHoldingFile(const std::filesystem::path& file) const;
    std::vector<const SysNode*> lowerDevices(const SysNode& top) const;
    void markMounted(const SysNode& node, const std::string& mountPoint);
    void markSystem(const SysNode& node, const std::string& why);

    const DeviceIndex& index_;
    const SystemPaths& paths_;
    std::vector<MountEntry> mounts_;
    std::map<std::string, std::string> systemWhy_;
    std::map<std::string, std::string> mountedWhy_;
    std::map<std::string, std::string> mountPoint_;
};

// Fills system/mounted/held/eligible/reason of a disk (with its partitions) or a partition.
void applyVerdict(BlockDevice& device, const SysNode& node, const DeviceIndex& index,
                  const UsageMap& usage, const GuardOptions& options);

}  // namespace massho::appliance::detail
