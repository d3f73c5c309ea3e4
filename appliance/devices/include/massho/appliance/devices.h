#pragma once

#include <filesystem>
#include <set>
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
    // Whole disks (by name: "loop3", "sdb") described from sysfs alone: their device node is not
    // opened, so no libblkid probe and no identify command; partition table, filesystems and
    // capabilities stay unknown. For a disk a job holds open (the service keeps what it learnt
    // before): probing it would only wait behind, and compete with, the erasure's I/O.
    std::set<std::string> unprobed;
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
