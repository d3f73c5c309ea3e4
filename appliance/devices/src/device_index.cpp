#include "device_index.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <cctype>

namespace massho::appliance::detail {
namespace fs = std::filesystem;

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

SysNode readNode(const fs::path& sysDir, const std::string& name, const std::string& parent) {
    SysNode node;
    node.name = name;
    node.sysDir = sysDir;
    node.parentDisk = parent;
    node.dev = DevNumber::parse(readAttribute(sysDir / "dev")).value_or(DevNumber{});
    node.holders = listNames(sysDir / "holders");
    node.slaves = listNames(sysDir / "slaves");
    node.backingFile = readAttribute(sysDir / "loop" / "backing_file");
    node.dmName = readAttribute(sysDir / "dm" / "name");
    return node;
}

// /sys/block/loopN stays while nothing is attached; attached, it has loop/backing_file and a
// size (an empty backing file gives a device with nothing on it to erase).
bool isAttachedLoop(const fs::path& sysDir) {
    return !readAttribute(sysDir / "loop" / "backing_file").empty() &&
           readNumber(sysDir / "size").value_or(0) > 0;
}

bool isListedDiskIn(const fs::path& blockDir, const std::string& name) {
    if (isIgnoredDiskName(name)) return false;
    return !startsWith(name, "loop") || isAttachedLoop(blockDir / name);
}

}  // namespace

bool isIgnoredDiskName(const std::string& name) {
    return startsWith(name, "ram") || startsWith(name, "zram");
}

bool isListedDisk(const SystemPaths& paths, const std::string& name) {
    std::error_code ec;
    return !name.empty() && name.find('/') == std::string::npos &&
           fs::exists(paths.sys / "block" / name, ec) && isListedDiskIn(paths.sys / "block", name);
}

std::vector<std::string> listedDiskNames(const SystemPaths& paths) {
    const fs::path blockDir = paths.sys / "block";
    std::vector<std::string> names;
    for (std::string& name : listNames(blockDir)) {
        if (isListedDiskIn(blockDir, name)) names.push_back(std::move(name));
    }
    return names;
}

bool naturalLess(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) &&
            std::isdigit(static_cast<unsigned char>(b[j]))) {
            size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
            if (ei - i != ej - j) return ei - i < ej - j;
            int cmp = a.compare(i, ei - i, b, j, ej - j);
            if (cmp != 0) return cmp < 0;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

DeviceIndex DeviceIndex::scan(const SystemPaths& paths) {
    DeviceIndex index;
    const fs::path blockDir = paths.sys / "block";
    for (const std::string& name : listedDiskNames(paths)) {
        SysNode disk = readNode(blockDir / name, name, "");
        // Partitions are subfolders named after the disk that carry a `partition` attribute.
        for (const std::string& child : listNames(blockDir / name)) {
            if (startsWith(child, name) && fs::exists(blockDir / name / child / "partition")) {
                // The partition's name, then its disk's: the order is right (a false positive).
                // NOLINTNEXTLINE(readability-suspicious-call-argument)
                index.add(readNode(blockDir / name / child, child, name));
            }
        }
        index.add(std::move(disk));
    }
    return index;
}

void DeviceIndex::add(SysNode node) {
    byDev_[node.dev] = node.name;
    std::string name = node.name;
    nodes_.emplace(std::move(name), std::move(node));
}

const SysNode* DeviceIndex::byName(const std::string& name) const {
    auto it = nodes_.find(name);
    return it == nodes_.end() ? nullptr : &it->second;
}

const SysNode* DeviceIndex::byDev(DevNumber dev) const {
    auto it = byDev_.find(dev);
    return it == byDev_.end() ? nullptr : byName(it->second);
}

const SysNode* DeviceIndex::byDevPath(const std::string& devPath, const SystemPaths& paths) const {
    const std::string devPrefix = "/dev/";
    if (!startsWith(devPath, devPrefix)) return nullptr;
    const std::string rest = devPath.substr(devPrefix.size());
    const fs::path local = paths.dev / rest;
    // A real node (or a symlink to one) gives its device number directly.
    struct stat st {};
    if (stat(local.c_str(), &st) == 0 && S_ISBLK(st.st_mode)) {
        if (const SysNode* node = byDev({::major(st.st_rdev), ::minor(st.st_rdev)})) return node;
    }
    // Otherwise go by name: /dev/NAME, or /dev/mapper/NAME for device-mapper.
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(local, ec);
    std::string name = (ec ? local : resolved).filename().string();
    if (const SysNode* node = byName(name)) return node;
    if (startsWith(rest, "mapper/")) {
        const std::string dmName = rest.substr(std::string("mapper/").size());
        for (const auto& [_, node] : nodes_) {
            if (node.dmName == dmName) return &node;
        }
    }
    return nullptr;
}

std::vector<const SysNode*> DeviceIndex::disks() const {
    std::vector<const SysNode*> result;
    for (const auto& [_, node] : nodes_) {
        if (!node.isPartition()) result.push_back(&node);
    }
    std::sort(result.begin(), result.end(),
              [](const SysNode* a, const SysNode* b) { return naturalLess(a->name, b->name); });
    return result;
}

std::vector<const SysNode*> DeviceIndex::partitionsOf(const std::string& diskName) const {
    std::vector<const SysNode*> result;
    for (const auto& [_, node] : nodes_) {
        if (node.parentDisk == diskName) result.push_back(&node);
    }
    std::sort(result.begin(), result.end(),
              [](const SysNode* a, const SysNode* b) { return naturalLess(a->name, b->name); });
    return result;
}

}  // namespace massho::appliance::detail
