#include "massho/appliance/devices.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cerrno>
#include <cstring>

#include "block_device_builder.h"
#include "device_index.h"
#include "guard.h"

namespace massho::appliance {

std::vector<BlockDevice> discoverDevices(const GuardOptions& options, const SystemPaths& paths) {
    const detail::DeviceIndex index = detail::DeviceIndex::scan(paths);
    const detail::UsageMap usage = detail::UsageMap::build(index, options, paths);
    std::vector<BlockDevice> devices;
    for (const detail::SysNode* disk : index.disks()) {
        BlockDevice device = detail::buildDisk(*disk, index, paths, options);
        detail::applyVerdict(device, *disk, index, usage, options);
        devices.push_back(std::move(device));
    }
    return devices;
}

namespace {

detail::DevNumber blockDeviceNumber(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        int error = errno;
        if (error == ENOENT || error == ENOTDIR) {
            throw DeviceError(DeviceError::Kind::NotFound,
                              path + " does not exist; `massho devices` lists the block devices");
        }
        throw DeviceError(DeviceError::Kind::NotFound, "cannot examine " + path + ": " +
                                                           std::strerror(error) +
                                                           "; check the path and permissions");
    }
    if (!S_ISBLK(st.st_mode)) {
        throw DeviceError(DeviceError::Kind::NotBlockDevice,
                          path +
                              " is not a block device; give a disk such as /dev/sdb "
                              "(`massho devices` lists them)");
    }
    return {::major(st.st_rdev), ::minor(st.st_rdev)};
}

}  // namespace

BlockDevice describeDevice(const std::string& path, const GuardOptions& options,
                           const SystemPaths& paths) {
    const detail::DevNumber dev = blockDeviceNumber(path);
    const detail::DeviceIndex index = detail::DeviceIndex::scan(paths);
    const detail::SysNode* node = index.byDev(dev);
    if (!node) {
        throw DeviceError(
            DeviceError::Kind::Unsupported,
            path + " (" + dev.str() +
                ") is a block device Massho does not handle (a RAM disk, zram or "
                "a loop device with nothing attached); choose a disk from `massho devices`");
    }
    const detail::UsageMap usage = detail::UsageMap::build(index, options, paths);
    BlockDevice device = node->isPartition()
                             ? detail::buildPartitionDevice(*node, index, paths, options)
                             : detail::buildDisk(*node, index, paths, options);
    detail::applyVerdict(device, *node, index, usage, options);
    return device;
}

}  // namespace massho::appliance
