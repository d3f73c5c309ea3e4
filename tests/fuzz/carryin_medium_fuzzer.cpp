// libFuzzer: a returned medium as carry-in reads it, before anything is written to it — the
// volume serial that names its carry-out (image::readVolumeId: our exFAT boot-sector reader, or
// mtools' minfo on a FAT volume and our reading of what it prints) and, for a crypto-erase, the
// scan for age headers (image::destroyAgeHeaders: every sector that begins like a header, each
// header's length up to its MAC line). A medium that comes back may have been anywhere: its
// volume is the input, written at the partition's offset (kPartitionOffset) of a sparse image
// file in /dev/shm, as prepareFatMedium lays a carry-out medium out.
// Contract: the volume id is "" or eight hex digits as "ABCD-1234" (the register keeps it and
// the match compares it); the header scan of an image in memory, which cannot fail to read or
// write, throws nothing (its CarryOutError would be "a header survived"), and afterwards no
// sector begins like an age header; nothing crashes. minfo runs once per execution (a process):
// some hundreds of executions a second.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "massho/image/crypto_erase.h"
#include "massho/image/fat_medium.h"

namespace {

namespace fs = std::filesystem;
constexpr size_t kMaxVolume = 1 << 20;  // the boot region and the first FATs are far smaller
constexpr std::string_view kMagic = "age-encryption.org/v1\n";

// The image file, removed when the fuzzer exits (libFuzzer ends with exit()).
struct ScratchImage {
    std::string path;
    ScratchImage() {
        std::error_code ec;
        const fs::path root = fs::is_directory("/dev/shm", ec) ? "/dev/shm" : "/tmp";
        path = (root / ("massho-carryin-fuzz-" + std::to_string(getpid()) + ".img")).string();
    }
    ~ScratchImage() { ::unlink(path.c_str()); }
};

const std::string& imagePath() {
    static const ScratchImage image;
    return image.path;
}

void writeImage(const uint8_t* data, size_t size) {
    const int fd = ::open(imagePath().c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) std::abort();
    const off_t end = static_cast<off_t>(massho::image::kPartitionOffset + kMaxVolume);
    if (::ftruncate(fd, end) != 0 ||
        ::pwrite(fd, data, size, static_cast<off_t>(massho::image::kPartitionOffset)) !=
            static_cast<ssize_t>(size))
        std::abort();
    ::close(fd);
}

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

bool wellFormedVolumeId(const std::string& id) {
    if (id.empty()) return true;
    if (id.size() != 9 || id[4] != '-') return false;
    for (size_t i = 0; i < id.size(); ++i)
        if (i != 4 && !isHex(id[i])) return false;
    return true;
}

// Whether any 512-byte sector of the image still begins like an age header.
bool headerLeft() {
    const int fd = ::open(imagePath().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) std::abort();
    std::vector<char> image(massho::image::kPartitionOffset + kMaxVolume);
    const ssize_t got = ::pread(fd, image.data(), image.size(), 0);
    ::close(fd);
    for (ssize_t at = 0; at + static_cast<ssize_t>(kMagic.size()) <= got; at += 512)
        if (std::string_view(image.data() + at, kMagic.size()) == kMagic) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > kMaxVolume) return -1;  // not kept in the corpus
    writeImage(data, size);
    if (!wellFormedVolumeId(massho::image::readVolumeId(imagePath()))) __builtin_trap();
    (void)massho::image::destroyAgeHeaders(imagePath());
    if (headerLeft()) __builtin_trap();
    return 0;
}
