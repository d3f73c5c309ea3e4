#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "massho/erase/sanitize/capabilities.h"

namespace massho::appliance {

struct Partition {
    std::string path;       // /dev/loop3p1
    std::string name;       // loop3p1
    std::string devNumber;  // "259:0" (major:minor)
    std::string fsType;     // from libblkid: "ext4", "vfat", "swap", … or empty
    std::string label;
    std::string uuid;
    uint64_t sizeBytes = 0;
    bool mounted = false;
    std::string mountPoint;  // first mount point when mounted
};

struct BlockDevice {
    std::string path;       // /dev/NAME
    std::string name;       // NAME as in /sys/block (or /sys/block/DISK/NAME for a partition)
    std::string devNumber;  // "major:minor"
    std::string model, vendor, serial;
    std::string transport;  // usb, sata, ata, nvme, scsi, virtio, mmc, loop, dm, md, unknown
    std::string mediaType;  // massho::erase::MediaType names: hdd, ssd, nvme, usb-flash,
                            // memory-card, virtual, unknown
    uint64_t sizeBytes = 0;
    uint32_t logicalSector = 512;
    uint32_t physicalSector = 512;
    bool rotational = false;
    bool removable = false;
    bool readOnly = false;
    bool wholeDisk = true;
    std::string partitionTable;  // "gpt", "dos" or empty (libblkid PTTYPE)
    std::string fsType;          // a filesystem directly on the device (no table), else empty
    std::string backingFile;     // loop devices only
    std::vector<Partition> partitions;
    // What the drive can do to erase itself (ATA IDENTIFY / NVMe Identify / SCSI REPORT SUPPORTED
    // OPERATION CODES), probed on the real system only; interface "none" otherwise.
    erase::sanitize::DriveCapabilities capabilities;

    // Guard verdict.
    bool system = false;    // holds /, /boot, /boot/efi, /usr, /var, swap or a protected path
    bool mounted = false;   // it, a partition of it, or a device stacked on it is mounted
    bool held = false;      // holders/ non-empty (dm, md, …) on it or a partition
    bool eligible = false;  // may be erased
    std::string reason;     // one line: why not eligible and what to do (empty when eligible)
};

}  // namespace massho::appliance
