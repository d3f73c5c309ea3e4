#pragma once

#include "device_index.h"
#include "massho/appliance/block_device.h"
#include "massho/appliance/devices.h"
#include "massho/appliance/system_paths.h"

namespace massho::appliance::detail {

// The facts of a whole disk (identity, geometry, transport, partitions with their filesystems).
// The guard verdict is left for applyVerdict(); of the options only probeCapabilities and
// unprobed are read.
BlockDevice buildDisk(const SysNode& disk, const DeviceIndex& index, const SystemPaths& paths,
                      const GuardOptions& options);

// A partition described as a device of its own (wholeDisk = false), with its disk's identity.
BlockDevice buildPartitionDevice(const SysNode& partition, const DeviceIndex& index,
                                 const SystemPaths& paths, const GuardOptions& options);

}  // namespace massho::appliance::detail
