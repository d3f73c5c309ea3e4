#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace massho::image {

// A carry-out medium after preparation: one MBR partition from 1 MiB holding FAT32 (exFAT above
// 32 GiB when mkfs.exfat exists), written without mounting: vfat cannot be mounted on these
// machines, and not mounting also keeps the kernel's page cache and automounters out of the way.
// FAT32 files are reached with mtools at "DEVICE@@OFFSET", so no partition device node is needed;
// exFAT files (mtools knows no exFAT) are written in place after everything allocated, and their
// clusters and directory entries added (exfat_volume.h).
struct FatMedium {
    std::string device;
    uint64_t partitionOffset = 0;  // bytes
    uint64_t partitionBytes = 0;
    std::string filesystem;  // "vfat" or "exfat"
    std::string volumeId;    // FAT volume serial "ABCD-1234", random: matches the medium on return

    std::string mtoolsImage() const;  // "/dev/sdb@@1048576"
};

constexpr uint64_t kPartitionOffset = 1024 * 1024;

// The bytes a file may use on a freshly formatted medium of `deviceBytes` (a safe lower bound:
// FAT tables, reserved sectors and cluster slack subtracted).
uint64_t usableBytes(uint64_t deviceBytes);

// The largest file `device` (of `deviceBytes`) holds once prepareFatMedium formatted it: FAT32
// keeps a file's size in 32 bits (4 GiB − 1 byte); exFAT (above 32 GiB, on a drive with 512-byte
// logical sectors) has no such bound.
uint64_t maxFileBytes(const std::string& device, uint64_t deviceBytes);

// sfdisk (label dos, one partition, type 0x0c FAT32 LBA or 0x07 exFAT), then mkfs.vfat -F 32
// (or mkfs.exfat and tune.exfat, exfat_format.h) at the partition's offset, volume label `label`
// (≤ 11 ASCII), a random volume serial. Throws CarryOutError(Failed) naming the tool and its
// message.
FatMedium prepareFatMedium(const std::string& device, uint64_t deviceBytes,
                           const std::string& label);

// The FAT or exFAT volume serial ("ABCD-1234") of a medium prepared by prepareFatMedium, or ""
// when the medium holds no such filesystem any more.
std::string readVolumeId(const std::string& device);

// Streams a file onto the medium: write() to fd(), then finish(), which throws
// CarryOutError(Failed) if the file could not be recorded. On FAT32 fd() is a pipe into
// `mcopy -i IMAGE - ::NAME` and finish() waits for mcopy; on exFAT fd() is the medium itself,
// positioned after everything allocated, and finish() records the file's clusters and entries.
class MediumFileWriter {
  public:
    MediumFileWriter(const FatMedium& medium, const std::string& name);
    ~MediumFileWriter();
    MediumFileWriter(const MediumFileWriter&) = delete;
    MediumFileWriter& operator=(const MediumFileWriter&) = delete;

    int fd() const;
    void finish();
    // mcopy's last message when it failed (for a clearer error than "broken pipe").
    std::string abandon();

    struct Impl;  // mcopy or exFAT (fat_medium.cpp)

  private:
    std::unique_ptr<Impl> impl_;
    std::string name_;
};

void writeSmallFile(const FatMedium& medium, const std::string& name, const std::string& content);

// Reads a file back from the medium (mcopy ::NAME -, or its exFAT extent) after dropping the
// device's cached pages, and returns its SHA-256 (hex) and length: proof of what is really on the
// medium.
struct ReadBack {
    std::string sha256;
    uint64_t bytes = 0;
};
// `onBytes` is told the bytes read so far, every MiB.
ReadBack readBackFile(const FatMedium& medium, const std::string& name,
                      const std::function<void(uint64_t)>& onBytes = {});

// fsync + BLKFLSBUF on the whole device: everything written reached the medium, and later reads
// come from it rather than from the cache. Throws CarryOutError(Failed) on an I/O error.
void flushDevice(const std::string& device);

}  // namespace massho::image
