#include "guard.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <array>
#include <deque>

namespace massho::appliance::detail {
namespace fs = std::filesystem;

namespace {

// Mount points whose loss takes the running system down with it.
constexpr std::array<const char*, 5> kSystemMountPoints = {"/", "/boot", "/boot/efi", "/usr",
                                                           "/var"};

bool isSystemMountPoint(const std::string& mountPoint) {
    return std::any_of(kSystemMountPoints.begin(), kSystemMountPoints.end(),
                       [&](const char* p) { return mountPoint == p; });
}

// The kernel appends " (deleted)" to a loop backing file that was unlinked.
std::string withoutDeletedSuffix(std::string file) {
    const std::string suffix = " (deleted)";
    if (file.size() > suffix.size() && file.ends_with(suffix))
        file.resize(file.size() - suffix.size());
    return file;
}

std::string lookup(const std::map<std::string, std::string>& map, const std::string& key) {
    auto it = map.find(key);
    return it == map.end() ? std::string() : it->second;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : ", ") + n;
    return text;
}

}  // namespace

UsageMap::UsageMap(const DeviceIndex& index, const SystemPaths& paths)
    : index_(index), paths_(paths), mounts_(readMountInfo(paths.mountinfo)) {}

UsageMap UsageMap::build(const DeviceIndex& index, const GuardOptions& options,
                         const SystemPaths& paths) {
    UsageMap usage(index, paths);
    for (const MountEntry& mount : usage.mounts_) {
        const SysNode* node = usage.nodeOfMount(mount);
        if (!node) continue;
        usage.markMounted(*node, mount.mountPoint);
        if (isSystemMountPoint(mount.mountPoint)) {
            usage.markSystem(*node, mount.mountPoint + " is mounted from /dev/" + node->name);
        }
    }
    for (const std::string& swap : readSwaps(paths.swaps)) {
        if (const SysNode* node = index.byDevPath(swap, paths)) {
            usage.markSystem(*node, "swap is active on /dev/" + node->name);
            continue;
        }
        for (const SysNode* node : usage.devicesHoldingFile(swap)) {
            usage.markSystem(*node, "swap file " + swap + " is on /dev/" + node->name);
        }
    }
    for (const fs::path& path : options.protectedPaths) {
        for (const SysNode* node : usage.devicesHoldingFile(path)) {
            usage.markSystem(*node,
                             "protected path " + path.string() + " is on /dev/" + node->name);
        }
    }
    return usage;
}

// mountinfo gives st_dev; btrfs and friends report an anonymous 0:N, so fall back to the source.
const SysNode* UsageMap::nodeOfMount(const MountEntry& mount) const {
    if (const SysNode* node = index_.byDev(mount.dev)) return node;
    return index_.byDevPath(mount.source, paths_);
}

// The devices a file's data lives on: its filesystem's device by stat() (real system only) and by
// the longest mount point containing it (which also places paths that do not exist yet).
std::vector<const SysNode*> UsageMap::devicesHoldingFile(const fs::path& file) const {
    std::vector<const SysNode*> nodes;
    fs::path absolute = file.is_absolute() ? file : fs::absolute(file);
    if (paths_.isRealSystem()) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(absolute, ec);
        if (!ec) absolute = canonical;
        struct stat st {};
        if (stat(absolute.c_str(), &st) == 0) {
            if (const SysNode* n = index_.byDev({::major(st.st_dev), ::minor(st.st_dev)})) {
                nodes.push_back(n);
            }
        }
    }
    if (auto mount = mountContaining(mounts_, absolute)) {
        const SysNode* n = nodeOfMount(*mount);
        if (n && std::find(nodes.begin(), nodes.end(), n) == nodes.end()) nodes.push_back(n);
    }
    return nodes;
}

// Everything underneath `top`: its disk when it is a partition, the slaves of dm/md (recursively)
// and the device holding a loop device's backing file.
std::vector<const SysNode*> UsageMap::lowerDevices(const SysNode& top) const {
    std::vector<const SysNode*> result;
    std::set<std::string> seen{top.name};
    std::deque<const SysNode*> queue{&top};
    auto push = [&](const SysNode* n) {
        if (n && seen.insert(n->name).second) {
            result.push_back(n);
            queue.push_back(n);
        }
    };
    while (!queue.empty()) {
        const SysNode* node = queue.front();
        queue.pop_front();
        if (node->isPartition()) push(index_.byName(node->parentDisk));
        for (const std::string& slave : node->slaves) push(index_.byName(slave));
        if (!node->backingFile.empty()) {
            for (const SysNode* n : devicesHoldingFile(withoutDeletedSuffix(node->backingFile))) {
                push(n);
            }
        }
    }
    return result;
}

void UsageMap::markMounted(const SysNode& node, const std::string& mountPoint) {
    mountPoint_.emplace(node.name, mountPoint);
    mountedWhy_.emplace(node.name, "mounted at " + mountPoint);
    for (const SysNode* lower : lowerDevices(node)) {
        mountedWhy_.emplace(lower->name, node.name + " on it is mounted at " + mountPoint);
    }
}

void UsageMap::markSystem(const SysNode& node, const std::string& why) {
    systemWhy_.emplace(node.name, why);
    for (const SysNode* lower : lowerDevices(node)) systemWhy_.emplace(lower->name, why);
}

std::string UsageMap::systemWhy(const std::string& name) const {
    return lookup(systemWhy_, name);
}
std::string UsageMap::mountedWhy(const std::string& name) const {
    return lookup(mountedWhy_, name);
}
std::string UsageMap::mountPoint(const std::string& name) const {
    return lookup(mountPoint_, name);
}

namespace {

// Holders of the device and, for a disk, of each of its partitions.
std::vector<std::string> holdersOf(const SysNode& node, const DeviceIndex& index) {
    std::vector<std::string> holders = node.holders;
    if (!node.isPartition()) {
        for (const SysNode* part : index.partitionsOf(node.name)) {
            holders.insert(holders.end(), part->holders.begin(), part->holders.end());
        }
    }
    return holders;
}

std::string firstReason(const BlockDevice& d, const SysNode& node, const DeviceIndex& index,
                        const UsageMap& usage, const GuardOptions& options) {
    std::string systemWhy = usage.systemWhy(node.name);
    if (systemWhy.empty() && node.isPartition()) systemWhy = usage.systemWhy(node.parentDisk);
    if (!systemWhy.empty()) {
        return d.path + " holds the running system (" + systemWhy +
               "); Massho never erases it: choose another device";
    }
    if (d.mounted) {
        return d.path + " is in use (" + usage.mountedWhy(node.name) +
               "); unmount it and try again";
    }
    if (d.held) {
        return d.path + " is held by " + joined(holdersOf(node, index)) +
               "; release it (dmsetup remove, mdadm --stop, …) and try again";
    }
    if (d.readOnly) {
        return d.path +
               " is read-only; clear its write protection (switch, blockdev --setrw) and try again";
    }
    if (d.sizeBytes == 0)
        return d.path + " has no medium (size 0); insert the medium and try again";
    if (!d.wholeDisk && !options.allowPartitions) {
        return d.path + " is a partition, not a whole disk; erase /dev/" + node.parentDisk +
               " instead, or allow partitions";
    }
    return {};
}

}  // namespace

void applyVerdict(BlockDevice& device, const SysNode& node, const DeviceIndex& index,
                  const UsageMap& usage, const GuardOptions& options) {
    device.system = !usage.systemWhy(node.name).empty() ||
                    (node.isPartition() && !usage.systemWhy(node.parentDisk).empty());
    device.mounted = !usage.mountedWhy(node.name).empty();
    device.held = !holdersOf(node, index).empty();
    for (Partition& part : device.partitions) {
        part.mountPoint = usage.mountPoint(part.name);
        part.mounted = !usage.mountedWhy(part.name).empty();
    }
    device.reason = firstReason(device, node, index, usage, options);
    device.eligible = device.reason.empty();
}

}  // namespace massho::appliance::detail
