#include "block_device_builder.h"

#include "blkid_probe.h"
#include "sysfs.h"
#include "transport.h"
#include "udev_ids.h"

namespace massho::appliance::detail {
namespace fs = std::filesystem;

namespace {

constexpr uint64_t kSysfsSectorBytes = 512;  // sysfs `size` is always in 512-byte units

struct Identity {
    std::string model, vendor, serial;
};

// The disk's place in the device tree, relative to <sys> (devices/pci…/virtio1/block/vda).
fs::path resolvedSysPath(const fs::path& sysDir, const SystemPaths& paths) {
    std::error_code ec;
    fs::path resolved = fs::canonical(sysDir, ec);
    if (ec) return sysDir.lexically_relative(paths.sys);
    fs::path root = fs::canonical(paths.sys, ec);
    return ec ? resolved : resolved.lexically_relative(root);
}

// SPC-4 7.8.15 Unit Serial Number VPD page (0x80): 4-byte header, the length in bytes 2..3, then
// the serial number in ASCII (libata fills it with the ATA serial).
std::string serialFromVpd80(const fs::path& file) {
    auto page = readFileBounded(file, 256);
    if (!page || page->size() < 4 || static_cast<unsigned char>((*page)[1]) != 0x80) return {};
    size_t length =
        (static_cast<unsigned char>((*page)[2]) << 8) | static_cast<unsigned char>((*page)[3]);
    length = std::min(length, page->size() - 4);
    return trim(page->substr(4, length));
}

// The USB device above the disk carries iSerial in its `serial` attribute (next to idVendor).
std::string usbSerial(const fs::path& sysDir, const SystemPaths& paths) {
    std::error_code ec;
    fs::path dir = fs::canonical(sysDir, ec);
    fs::path root = fs::canonical(paths.sys, ec);
    if (ec) return {};
    for (; dir.has_relative_path() && dir != root; dir = dir.parent_path()) {
        if (fs::exists(dir / "idVendor", ec)) return readAttribute(dir / "serial");
    }
    return {};
}

// Vendor attributes that are bus ids (virtio "0x1af4", mmc manfid) say nothing to a person.
std::string readableVendor(const fs::path& file) {
    std::string vendor = readAttribute(file);
    return vendor.rfind("0x", 0) == 0 ? std::string() : vendor;
}

Identity readIdentity(const SysNode& disk, const std::string& transport, const SystemPaths& paths) {
    Identity id;
    const fs::path device = disk.sysDir / "device";
    if (transport == "loop") {
        id.model = disk.backingFile;  // what a person recognises a loop device by
        return id;
    }
    if (transport == "dm") id.model = disk.dmName;
    if (transport == "md") id.model = readAttribute(disk.sysDir / "md" / "level");
    if (id.model.empty()) id.model = readAttribute(device / "model");
    if (id.model.empty()) id.model = readAttribute(device / "name");  // mmc
    id.vendor = readableVendor(device / "vendor");
    if (transport == "usb") id.serial = usbSerial(disk.sysDir, paths);
    for (const fs::path& file : {device / "serial", disk.sysDir / "serial"}) {
        if (id.serial.empty()) id.serial = readAttribute(file);
    }
    if (id.serial.empty()) id.serial = serialFromVpd80(device / "vpd_pg80");
    if (paths.isRealSystem()) {
        UdevIds udev = readUdevIds(disk.dev);
        if (id.serial.empty()) id.serial = udev.serial;
        if (id.model.empty()) id.model = udev.model;
        if (id.vendor.empty()) id.vendor = udev.vendor;
    }
    return id;
}

uint32_t sectorSize(const fs::path& file) {
    auto value = readNumber(file);
    return value && *value > 0 && *value <= (1u << 20) ? static_cast<uint32_t>(*value) : 512u;
}

uint64_t sizeBytes(const fs::path& sysDir) {
    return readNumber(sysDir / "size").value_or(0) * kSysfsSectorBytes;
}

Partition buildPartition(const SysNode& node, const SystemPaths& paths, bool probe) {
    Partition part;
    part.name = node.name;
    part.path = "/dev/" + node.name;
    part.devNumber = node.dev.str();
    part.sizeBytes = sizeBytes(node.sysDir);
    if (!probe) return part;
    ProbeResult found = probeDevice(paths.dev / node.name);
    part.fsType = found.fsType;
    part.label = found.label;
    part.uuid = found.uuid;
    return part;
}

// Read-only identification commands, only when asked for and never on a test tree (paths under a
// fake root).
erase::sanitize::DriveCapabilities capabilitiesOf(const BlockDevice& d, const SystemPaths& paths,
                                                  const GuardOptions& options) {
    erase::sanitize::DriveCapabilities none;
    if (!options.probeCapabilities) {
        none.note = "not probed: the capability probe is turned off ([devices] probe = no)";
        return none;
    }
    if (options.unprobed.count(d.name)) {
        none.note = "not probed: the device is in use";
        return none;
    }
    if (!paths.isRealSystem()) return none;
    return erase::sanitize::probeDrive(d.path, d.transport);
}

}  // namespace

BlockDevice buildDisk(const SysNode& disk, const DeviceIndex& index, const SystemPaths& paths,
                      const GuardOptions& options) {
    BlockDevice d;
    d.name = disk.name;
    d.path = "/dev/" + disk.name;
    d.devNumber = disk.dev.str();
    d.backingFile = disk.backingFile;
    d.transport = transportOf(paths.sys, resolvedSysPath(disk.sysDir, paths), disk.name);
    Identity id = readIdentity(disk, d.transport, paths);
    d.model = id.model;
    d.vendor = id.vendor;
    d.serial = id.serial;
    d.sizeBytes = sizeBytes(disk.sysDir);
    d.logicalSector = sectorSize(disk.sysDir / "queue" / "logical_block_size");
    d.physicalSector = sectorSize(disk.sysDir / "queue" / "physical_block_size");
    d.rotational = readNumber(disk.sysDir / "queue" / "rotational").value_or(0) != 0;
    d.removable = readNumber(disk.sysDir / "removable").value_or(0) != 0;
    d.readOnly = readNumber(disk.sysDir / "ro").value_or(0) != 0;
    d.wholeDisk = true;
    d.mediaType = guessMediaType(d.transport, d.rotational, d.model);
    const bool probe = !options.unprobed.count(disk.name);
    if (probe) {
        ProbeResult found = probeDevice(paths.dev / disk.name);
        d.partitionTable = found.partitionTable;
        d.fsType = found.fsType;
    }
    for (const SysNode* part : index.partitionsOf(disk.name)) {
        d.partitions.push_back(buildPartition(*part, paths, probe));
    }
    d.capabilities = capabilitiesOf(d, paths, options);
    return d;
}

BlockDevice buildPartitionDevice(const SysNode& partition, const DeviceIndex& index,
                                 const SystemPaths& paths, const GuardOptions& options) {
    const SysNode* disk = index.byName(partition.parentDisk);
    BlockDevice d = disk ? buildDisk(*disk, index, paths, options) : BlockDevice{};
    Partition part =
        buildPartition(partition, paths, !options.unprobed.count(disk ? disk->name : ""));
    d.name = part.name;
    d.path = part.path;
    d.devNumber = part.devNumber;
    d.sizeBytes = part.sizeBytes;
    d.fsType = part.fsType;
    d.partitionTable.clear();
    d.partitions.clear();
    d.wholeDisk = false;
    // A partition can be read-only on its own (BLKROSET on the partition).
    d.readOnly = d.readOnly || readNumber(partition.sysDir / "ro").value_or(0) != 0;
    return d;
}

}  // namespace massho::appliance::detail
