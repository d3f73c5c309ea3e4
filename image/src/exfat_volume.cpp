#include "exfat_volume.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "massho/image/carryout_error.h"

namespace massho::image::detail {
namespace {

using Kind = CarryOutError::Kind;

constexpr size_t kEntry = 32;  // every directory entry (§ 6.1)
constexpr uint8_t kEndOfDirectory = 0x00;
constexpr uint8_t kInUse = 0x80;
constexpr uint8_t kBitmapEntry = 0x81;  // § 7.1
constexpr uint8_t kFileEntry = 0x85;    // § 7.4
constexpr uint8_t kStreamEntry = 0xC0;  // § 7.6
constexpr uint8_t kNameEntry = 0xC1;    // § 7.7
constexpr size_t kNameUnitsPerEntry = 15;
constexpr uint8_t kAllocationPossible = 0x01, kNoFatChain = 0x02;  // § 6.4.2
constexpr uint16_t kArchive = 0x20;                                // § 7.4.4
constexpr uint8_t kUtc = 0x80;  // § 7.4.11: OffsetValid, offset 0

[[noreturn]] void fail(const std::string& what) {
    throw CarryOutError(Kind::Failed, "exFAT: " + what);
}

uint32_t le32(const uint8_t* p) {
    return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
}
uint64_t le64(const uint8_t* p) {
    return le32(p) | static_cast<uint64_t>(le32(p + 4)) << 32;
}
void put16(uint8_t* p, uint16_t v) {
    p[0] = static_cast<uint8_t>(v);
    p[1] = static_cast<uint8_t>(v >> 8);
}
void put32(uint8_t* p, uint32_t v) {
    put16(p, static_cast<uint16_t>(v));
    put16(p + 2, static_cast<uint16_t>(v >> 16));
}
void put64(uint8_t* p, uint64_t v) {
    put32(p, static_cast<uint32_t>(v));
    put32(p + 4, static_cast<uint32_t>(v >> 32));
}

void readAt(int fd, uint64_t offset, void* data, size_t size) {
    auto* out = static_cast<uint8_t*>(data);
    for (size_t done = 0; done < size;) {
        ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            fail("cannot read the medium at byte " + std::to_string(offset + done) + " (" +
                 std::strerror(errno) + ")");
        if (n == 0) fail("the medium ends before byte " + std::to_string(offset + done));
        done += static_cast<size_t>(n);
    }
}

// § 6.3.3: a rotating sum over every byte of the entry set except the checksum field itself.
uint16_t setChecksum(const std::vector<uint8_t>& set) {
    uint16_t sum = 0;
    for (size_t i = 0; i < set.size(); ++i)
        if (i != 2 && i != 3)
            sum = static_cast<uint16_t>(((sum & 1) ? 0x8000 : 0) + (sum >> 1) + set[i]);
    return sum;
}

// § 7.6.4: the same sum over the up-cased name's UTF-16 code units, low byte first.
uint16_t nameHash(const std::string& name) {
    uint16_t hash = 0;
    for (char c : name) {
        const uint16_t unit =
            static_cast<uint16_t>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : static_cast<uint8_t>(c));
        for (uint8_t byte : {static_cast<uint8_t>(unit), static_cast<uint8_t>(unit >> 8)})
            hash = static_cast<uint16_t>(((hash & 1) ? 0x8000 : 0) + (hash >> 1) + byte);
    }
    return hash;
}

// § 7.7.3 forbids control characters and "*/:<>?\| in a name; the appliance's own names (the
// package, README.txt) are printable ASCII, the only up-casing nameHash knows.
void checkName(const std::string& name) {
    if (name.empty() || name.size() > 255) fail("a file name must have 1 to 255 characters");
    for (unsigned char c : name)
        if (c < 0x20 || c > 0x7E || std::strchr("\"*/:<>?\\|", c) != nullptr)
            fail("'" + name + "' is not a printable ASCII file name");
}

// § 7.4.8: the DOS date and time fields, here of the UTC time (the entry's UtcOffset says so).
uint32_t timestamp(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    if (tm.tm_year < 80 || tm.tm_year > 80 + 127) return 1u << 21 | 1u << 16;  // 1980-01-01
    return static_cast<uint32_t>(tm.tm_year - 80) << 25 |
           static_cast<uint32_t>(tm.tm_mon + 1) << 21 | static_cast<uint32_t>(tm.tm_mday) << 16 |
           static_cast<uint32_t>(tm.tm_hour) << 11 | static_cast<uint32_t>(tm.tm_min) << 5 |
           static_cast<uint32_t>(tm.tm_sec / 2);
}

// The file, stream extension and file name entries of one file (§ 7.4, 7.6, 7.7).
std::vector<uint8_t> entrySet(const std::string& name, uint32_t firstCluster, uint64_t bytes,
                              std::time_t modified) {
    const size_t nameEntries = (name.size() + kNameUnitsPerEntry - 1) / kNameUnitsPerEntry;
    std::vector<uint8_t> set((2 + nameEntries) * kEntry, 0);
    uint8_t* file = set.data();
    file[0] = kFileEntry;
    file[1] = static_cast<uint8_t>(1 + nameEntries);  // SecondaryCount
    put16(file + 4, kArchive);
    const uint32_t when = timestamp(modified);
    put32(file + 8, when);   // created
    put32(file + 12, when);  // last modified
    put32(file + 16, when);  // last accessed
    file[22] = file[23] = file[24] = kUtc;
    uint8_t* stream = file + kEntry;
    stream[0] = kStreamEntry;
    // An empty file has no clusters: no first cluster, and nothing for NoFatChain to describe.
    stream[1] = bytes ? kAllocationPossible | kNoFatChain : kAllocationPossible;
    stream[3] = static_cast<uint8_t>(name.size());
    put16(stream + 4, nameHash(name));
    put64(stream + 8, bytes);  // ValidDataLength: every byte was written
    put32(stream + 20, bytes ? firstCluster : 0);
    put64(stream + 24, bytes);  // DataLength
    for (size_t i = 0; i < name.size(); ++i) {
        uint8_t* entry = stream + kEntry * (1 + i / kNameUnitsPerEntry);
        entry[0] = kNameEntry;
        put16(entry + 2 + 2 * (i % kNameUnitsPerEntry), static_cast<uint8_t>(name[i]));
    }
    put16(file + 2, setChecksum(set));
    return set;
}

}  // namespace

ExfatVolume::ExfatVolume(int fd, uint64_t partitionOffset)
    : fd_(fd), partitionOffset_(partitionOffset) {
    uint8_t boot[512];
    readAt(fd, partitionOffset, boot, sizeof boot);
    if (std::memcmp(boot + 3, "EXFAT   ", 8) != 0 || boot[510] != 0x55 || boot[511] != 0xAA)
        fail("no exFAT boot sector at byte " + std::to_string(partitionOffset));
    const unsigned sectorShift = boot[108], clusterShift = boot[109];
    if (sectorShift < 9 || sectorShift > 12 || clusterShift > 25 - sectorShift)
        fail("the boot sector's sector or cluster size is out of range");
    clusterBytes_ = 1ull << (sectorShift + clusterShift);
    heapOffset_ = static_cast<uint64_t>(le32(boot + 88)) << sectorShift;
    clusterCount_ = le32(boot + 92);
    rootCluster_ = le32(boot + 96);
    const uint64_t volumeBytes = le64(boot + 72) << sectorShift;
    if (clusterCount_ == 0 || heapOffset_ + clusterCount_ * clusterBytes_ > volumeBytes ||
        rootCluster_ < 2 || rootCluster_ - 2 >= clusterCount_)
        fail("the boot sector's cluster heap is out of range");

    root_.resize(clusterBytes_);
    readAt(fd, clusterOffset(rootCluster_), root_.data(), root_.size());
    for (size_t at = 0; at + kEntry <= root_.size() && root_[at] != kEndOfDirectory; at += kEntry) {
        if (root_[at] != kBitmapEntry) continue;
        bitmapCluster_ = le32(&root_[at + 20]);
        const uint64_t length = le64(&root_[at + 24]);
        // mkfs.exfat gives the bitmap contiguous clusters, read here as one run.
        if (bitmapCluster_ < 2 || bitmapCluster_ - 2 >= clusterCount_ ||
            length != (clusterCount_ + 7ull) / 8 ||
            bitmapCluster_ - 2 + (length + clusterBytes_ - 1) / clusterBytes_ > clusterCount_)
            fail("the allocation bitmap is out of range");
        bitmap_.resize(length);
        readAt(fd, clusterOffset(bitmapCluster_), bitmap_.data(), bitmap_.size());
        break;
    }
    if (bitmap_.empty()) fail("the root directory has no allocation bitmap");
    for (uint32_t i = clusterCount_; i > 0; --i)
        if (bitmap_[(i - 1) / 8] & (1u << ((i - 1) % 8))) {
            nextCluster_ = i + 2;  // bit i − 1 is cluster i + 1
            break;
        }
}

uint64_t ExfatVolume::clusterOffset(uint32_t cluster) const {
    return partitionOffset_ + heapOffset_ + static_cast<uint64_t>(cluster - 2) * clusterBytes_;
}

uint64_t ExfatVolume::nextFileOffset() const {
    return clusterOffset(nextCluster_);
}

uint64_t ExfatVolume::freeBytes() const {
    return (static_cast<uint64_t>(clusterCount_) + 2 - nextCluster_) * clusterBytes_;
}

void ExfatVolume::writeAt(uint64_t offset, const void* data, size_t size) const {
    const auto* in = static_cast<const uint8_t*>(data);
    for (size_t done = 0; done < size;) {
        ssize_t n = ::pwrite(fd_, in + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            fail("cannot write the medium at byte " + std::to_string(offset + done) + " (" +
                 (n < 0 ? std::strerror(errno) : "no space") + "): it may have been pulled out");
        done += static_cast<size_t>(n);
    }
}

void ExfatVolume::addFile(const std::string& name, uint64_t bytes, std::time_t modified) {
    checkName(name);
    const uint64_t clusters = (bytes + clusterBytes_ - 1) / clusterBytes_;
    if (bytes > freeBytes())
        fail(name + " (" + std::to_string(bytes) + " bytes) does not fit: the medium has " +
             std::to_string(freeBytes()) + " bytes free");
    const std::vector<uint8_t> set = entrySet(name, nextCluster_, bytes, modified);

    // The first run of unused entries long enough for the set (§ 6.2.1: type bit 7 clear).
    const size_t needed = set.size() / kEntry;
    size_t run = 0, slot = root_.size();
    for (size_t at = 0; at + kEntry <= root_.size(); at += kEntry) {
        run = (root_[at] & kInUse) ? 0 : run + 1;
        if (run == needed) {
            slot = at + kEntry - set.size();
            break;
        }
    }
    if (slot == root_.size()) fail("the root directory has no room for " + name);

    // Bitmap first: a medium pulled in between has clusters allocated that no file names, which
    // a check reclaims; never a file whose clusters are free for the next one.
    if (clusters > 0) {
        const uint64_t first = nextCluster_ - 2, last = first + clusters - 1;
        for (uint64_t i = first; i <= last; ++i)
            bitmap_[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
        writeAt(clusterOffset(bitmapCluster_) + first / 8, &bitmap_[first / 8],
                last / 8 - first / 8 + 1);
    }
    std::memcpy(&root_[slot], set.data(), set.size());
    writeAt(clusterOffset(rootCluster_) + slot, set.data(), set.size());
    nextCluster_ += static_cast<uint32_t>(clusters);
}

std::optional<ExfatVolume::Extent> ExfatVolume::find(const std::string& name) const {
    for (size_t at = 0; at + kEntry <= root_.size() && root_[at] != kEndOfDirectory; at += kEntry) {
        const size_t secondaries = root_[at + 1];
        if (root_[at] != kFileEntry || secondaries < 2 ||
            at + (secondaries + 1) * kEntry > root_.size())
            continue;
        const uint8_t* stream = &root_[at + kEntry];
        const size_t length = stream[3];
        if (stream[0] != kStreamEntry || length != name.size() ||
            1 + (length + kNameUnitsPerEntry - 1) / kNameUnitsPerEntry > secondaries)
            continue;
        bool same = true;
        for (size_t i = 0; i < length && same; ++i) {
            const uint8_t* entry = stream + kEntry * (1 + i / kNameUnitsPerEntry);
            const uint8_t* unit = entry + 2 + 2 * (i % kNameUnitsPerEntry);
            same =
                entry[0] == kNameEntry && unit[1] == 0 && unit[0] == static_cast<uint8_t>(name[i]);
        }
        if (!same) continue;
        const uint32_t first = le32(stream + 20);
        const uint64_t bytes = le64(stream + 24);
        if (bytes == 0) return Extent{};
        if (!(stream[1] & kNoFatChain) || first < 2 || first - 2 >= clusterCount_ ||
            (bytes + clusterBytes_ - 1) / clusterBytes_ > clusterCount_ - (first - 2))
            fail(name + " on the medium is not one run of clusters inside the volume");
        return Extent{clusterOffset(first), bytes};
    }
    return std::nullopt;
}

std::optional<uint32_t> exfatSerial(int fd, uint64_t partitionOffset) {
    uint8_t boot[512];
    ssize_t n = ::pread(fd, boot, sizeof boot, static_cast<off_t>(partitionOffset));
    if (n != static_cast<ssize_t>(sizeof boot) || std::memcmp(boot + 3, "EXFAT   ", 8) != 0 ||
        boot[510] != 0x55 || boot[511] != 0xAA)
        return std::nullopt;
    return le32(boot + 100);
}

}  // namespace massho::image::detail
