#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "massho/appliance/block_device.h"
#include "massho/appliance/device_error.h"
#include "massho/appliance/system_paths.h"

namespace massho::appliance {

struct GuardOptions {
    // Paths whose filesystem must never be erased (the data directory, …). A path that does not
    // exist yet is placed by the longest mount point that contains it.
    std::vector<std::filesystem::path> protectedPaths;
    // Let a partition (not a whole disk) be eligible.
    bool allowPartitions = false;
};

// Every whole block device (skipping ram*, zram* and detached loop devices), sorted by name, each
// with its partitions and the guard verdict. Advisory: the erase engine's O_EXCL open is the
// second line of defence.
std::vector<BlockDevice> discoverDevices(const GuardOptions& options = {},
                                         const SystemPaths& paths = {});

// Resolves a user-given path (/dev/loop3, /dev/loop3p1, a /dev/disk/by-id symlink, …) to its
// BlockDevice with the guard verdict. Throws DeviceError (NotFound, NotBlockDevice, Unsupported).
BlockDevice describeDevice(const std::string& path, const GuardOptions& options = {},
                           const SystemPaths& paths = {});

}  // namespace massho::appliance
