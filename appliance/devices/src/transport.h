#pragma once

#include <filesystem>
#include <string>

namespace massho::appliance::detail {

// The bus a disk hangs on, from where /sys/block/NAME resolves in the device tree
// (…/usb1/…, …/ata3/…, …/nvme/…, …/virtio2/…, …/mmc_host/…, …/devices/virtual/block/loop0):
// usb, sata, ata (parallel ATA), nvme, scsi, virtio, mmc, loop, dm, md or unknown.
// `relativeSysDir` is that resolved folder relative to the sysfs root `sysRoot`.
std::string transportOf(const std::filesystem::path& sysRoot,
                        const std::filesystem::path& relativeSysDir, const std::string& diskName);

// A guess of massho::erase::MediaType (by name): hdd, ssd, nvme, usb-flash, memory-card,
// virtual, unknown.
std::string guessMediaType(const std::string& transport, bool rotational, const std::string& model);

}  // namespace massho::appliance::detail
