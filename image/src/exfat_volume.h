#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace massho::image::detail {

// An exFAT volume that mkfs.exfat has just made, reached through an open descriptor of the whole
// medium: no mount (no kernel driver needed), no FUSE. Just enough of the format (Microsoft,
// "exFAT file system specification", 2019; § numbers below) to add files whose clusters are
// contiguous (NoFatChain, § 6.4.2: no FAT entries to write) at the end of what is allocated,
// and to find one again. Names are ASCII, so the up-case table needed for the name hash is the
// mandated one of § 7.2.5 (a-z to A-Z) for every character used.
class ExfatVolume {
  public:
    // Reads the main boot sector at `partitionOffset` (§ 3.1), the root directory's first
    // cluster and the allocation bitmap. `fd` stays the caller's. Throws CarryOutError(Failed)
    // when the volume is not exFAT or its fields are out of range.
    ExfatVolume(int fd, uint64_t partitionOffset);

    // The byte offset on the medium where the next file's data goes: the first cluster after the
    // last allocated one. Everything from there to the end of the cluster heap is free.
    uint64_t nextFileOffset() const;
    uint64_t freeBytes() const;

    // Records a file of `bytes` whose data the caller wrote at nextFileOffset(): marks its
    // clusters in the allocation bitmap (§ 7.1) and adds its file, stream extension and file name
    // entries (§ 7.4, 7.6, 7.7) to the root directory. Throws CarryOutError(Failed) when the data
    // runs past the cluster heap, the root directory's cluster is full or a write fails.
    void addFile(const std::string& name, uint64_t bytes, std::time_t modified);

    // The data of the root directory's file `name` (case as written), when it has one contiguous
    // run of clusters.
    struct Extent {
        uint64_t offset = 0;  // on the medium
        uint64_t bytes = 0;
    };
    std::optional<Extent> find(const std::string& name) const;

  private:
    uint64_t clusterOffset(uint32_t cluster) const;
    void writeAt(uint64_t offset, const void* data, size_t size) const;

    int fd_;
    uint64_t partitionOffset_;
    uint64_t clusterBytes_ = 0;
    uint64_t heapOffset_ = 0;  // bytes from the partition's start
    uint32_t clusterCount_ = 0;
    uint32_t rootCluster_ = 0;
    uint32_t bitmapCluster_ = 0;
    std::vector<uint8_t> root_;    // the root directory's first cluster
    std::vector<uint8_t> bitmap_;  // bit n: cluster n + 2 is allocated
    uint32_t nextCluster_ = 2;
};

// The volume serial number of the exFAT boot sector at `partitionOffset` (§ 3.1), or nothing
// when there is no exFAT boot sector there.
std::optional<uint32_t> exfatSerial(int fd, uint64_t partitionOffset);

}  // namespace massho::image::detail
