#include "blkid_probe.h"

#include <blkid/blkid.h>
#include <sys/stat.h>

#include <memory>

namespace massho::appliance::detail {
namespace {

struct ProbeDeleter {
    void operator()(blkid_probe probe) const { blkid_free_probe(probe); }
};
using ProbeHandle = std::unique_ptr<std::remove_pointer_t<blkid_probe>, ProbeDeleter>;

std::string lookup(blkid_probe probe, const char* name) {
    const char* value = nullptr;
    size_t length = 0;
    if (blkid_probe_lookup_value(probe, name, &value, &length) != 0 || value == nullptr) return {};
    // libblkid counts the terminating NUL in `length`.
    return std::string(value);
}

ProbeHandle openProbe(const std::filesystem::path& node) {
    struct stat st {};
    // Only block devices: never let libblkid open a FIFO or a huge regular file by mistake.
    if (stat(node.c_str(), &st) != 0 || !S_ISBLK(st.st_mode)) return ProbeHandle(nullptr);
    return ProbeHandle(blkid_new_probe_from_filename(node.c_str()));
}

// Probe the device itself with the partitions chain enabled to get PTTYPE (libblkid(3)).
std::string probePartitionTable(const std::filesystem::path& node) {
    ProbeHandle probe = openProbe(node);
    if (!probe) return {};
    blkid_probe_enable_superblocks(probe.get(), 0);
    blkid_probe_enable_partitions(probe.get(), 1);
    if (blkid_do_safeprobe(probe.get()) != 0) return {};
    return lookup(probe.get(), "PTTYPE");
}

void probeSuperblock(const std::filesystem::path& node, ProbeResult& result) {
    ProbeHandle probe = openProbe(node);
    if (!probe) return;
    blkid_probe_enable_partitions(probe.get(), 0);
    blkid_probe_enable_superblocks(probe.get(), 1);
    blkid_probe_set_superblocks_flags(probe.get(),
                                      BLKID_SUBLKS_TYPE | BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID);
    if (blkid_do_safeprobe(probe.get()) != 0) return;
    result.fsType = lookup(probe.get(), "TYPE");
    result.label = lookup(probe.get(), "LABEL");
    result.uuid = lookup(probe.get(), "UUID");
}

}  // namespace

ProbeResult probeDevice(const std::filesystem::path& deviceNode) {
    ProbeResult result;
    result.partitionTable = probePartitionTable(deviceNode);
    // With a partition table the superblocks belong to the partitions, not to the device.
    if (result.partitionTable.empty()) probeSuperblock(deviceNode, result);
    return result;
}

}  // namespace massho::appliance::detail
