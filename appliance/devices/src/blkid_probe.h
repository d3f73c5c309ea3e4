#pragma once

#include <filesystem>
#include <string>

namespace massho::appliance::detail {

// What libblkid finds on a device: a partition table and/or a filesystem superblock.
struct ProbeResult {
    std::string partitionTable;  // PTTYPE: "gpt", "dos", … or empty
    std::string fsType;          // TYPE: "ext4", "vfat", "swap", … or empty
    std::string label;
    std::string uuid;
};

// Probes the device node read-only (never exclusively). Unreadable devices (no permission, no
// medium, a fake tree) give an empty result: discovery reports what it can see.
ProbeResult probeDevice(const std::filesystem::path& deviceNode);

}  // namespace massho::appliance::detail
