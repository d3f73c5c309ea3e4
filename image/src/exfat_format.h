#pragma once

#include <cstdint>
#include <string>

namespace massho::image::detail {

// mkfs.exfat (exfatprogs) of the partition at `partitionOffset` of `device`, volume label `label`,
// volume serial `serialHex` (8 hex digits, set with tune.exfat). mkfs.exfat has no offset option
// and would need a partition device node: losetup needs /dev/loop-control, which masshod's device
// policy (block devices only) does not give it. So it formats a sparse image file of the
// partition's size in the temporary directory, and the few MiB it wrote there (boot regions, FAT,
// allocation bitmap, up-case table, root directory) are copied to the partition. The rest of the
// partition is left as it is, as mkfs.exfat without --full-format leaves it (zero after the
// carry-out's erasure). Throws CarryOutError(Failed) naming the tool or the write that failed.
void formatExfat(const std::string& device, uint64_t partitionOffset, uint64_t partitionBytes,
                 const std::string& label, const std::string& serialHex);

}  // namespace massho::image::detail
