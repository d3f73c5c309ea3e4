#include "media_io.h"

#include <cerrno>
#include <cstring>

#include "range_list.h"

namespace massho::erase::detail {
namespace {

template <typename Transfer>
int transferFully(Transfer transfer, std::size_t length, uint64_t offset) {
    std::size_t done = 0;
    while (done < length) {
        ssize_t n = transfer(done, length - done, offset + done);
        if (n < 0) return static_cast<int>(-n);
        if (n == 0) return ENOSPC;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace

bool isMediaError(int err) {
    return err == EIO || err == ENODATA;
}

int writeFully(Target& target, const uint8_t* data, std::size_t length, uint64_t offset) {
    return transferFully([&](std::size_t done, std::size_t len,
                             uint64_t at) { return target.writeAt(data + done, len, at); },
                         length, offset);
}

int readFully(Target& target, uint8_t* data, std::size_t length, uint64_t offset) {
    return transferFully([&](std::size_t done, std::size_t len,
                             uint64_t at) { return target.readAt(data + done, len, at); },
                         length, offset);
}

std::string retryInSectors(uint64_t offset, std::size_t length, uint32_t sector, const RangeIo& io,
                           std::vector<ByteRange>& bad) {
    if (length <= sector) {
        addRange(bad, {offset, length});
        return {};
    }
    // Halve on a sector boundary; each half is tried whole first, so a single bad sector in a
    // 4 MiB chunk costs about 2 * log2(8192) I/Os instead of 8192.
    const std::size_t half = (length / 2 + sector - 1) / sector * sector;
    for (auto [at, len] : {std::pair{offset, half}, std::pair{offset + half, length - half}}) {
        if (len == 0) continue;
        const int err = io(at, len);
        if (err == 0) continue;
        if (!isMediaError(err)) {
            return describeErrno(err) + " at byte " + std::to_string(at);
        }
        std::string fatal = retryInSectors(at, len, sector, io, bad);
        if (!fatal.empty()) return fatal;
    }
    return {};
}

std::string describeErrno(int err) {
    return std::string(std::strerror(err)) + " (errno " + std::to_string(err) + ")";
}

}  // namespace massho::erase::detail
