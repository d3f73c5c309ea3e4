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
    // Send the drive's identify commands (ATA IDENTIFY, NVMe Identify, SCSI REPORT SUPPORTED
    // OPERATION CODES through SG_IO) to fill BlockDevice::capabilities. false (massho.conf
    // [devices] probe = no): no pass-through command reaches any drive; capabilities stay
    // interface "none" with a note saying so. Some USB bridges hang or reset on pass-through.
    bool probeCapabilities = true;
};

// Every whole block device (skipping ram*, zram* and loop devices with nothing attached), sorted
// by name, each with its partitions and the guard verdict. Advisory: the erase engine's O_EXCL open
// is the second line of defence.
std::vector<BlockDevice> discoverDevices(const GuardOptions& options = {},
                                         const SystemPaths& paths = {});

// Resolves a user-given path (/dev/loop3, /dev/loop3p1, a /dev/disk/by-id symlink, …) to its
// BlockDevice with the guard verdict. Throws DeviceError (NotFound, NotBlockDevice, Unsupported).
BlockDevice describeDevice(const std::string& path, const GuardOptions& options = {},
                           const SystemPaths& paths = {});

}  // namespace massho::appliance
