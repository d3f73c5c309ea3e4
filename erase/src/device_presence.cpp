#include "device_presence.h"

#include <cerrno>
#include <vector>

#include "aligned_buffer.h"
#include "media_io.h"

namespace massho::erase::detail {
namespace {

bool meansGone(int err) {
    return err == ENODEV || err == ENXIO || err == ENOMEDIUM;
}

// 0, or the errno of reading the one sector at `offset`.
int readOneSector(Target& target, uint64_t offset) {
    AlignedBuffer sector(target.logicalSector(), target.bufferAlignment());
    return readFully(target, sector.data(), target.logicalSector(), offset);
}

// Where to look for an answer: where the job last worked, or, when nothing has worked yet (a
// medium pulled before its first chunk, or bad sectors at its very start), three places far
// apart, so that bad sectors in one area do not pass for a missing device.
std::vector<uint64_t> placesToRead(const Target& target,
                                   const std::optional<uint64_t>& answeredAt) {
    if (answeredAt) return {*answeredAt};
    const uint64_t sector = target.logicalSector();
    const uint64_t sectors = target.size() / sector;
    if (sectors <= 1) return {0};
    const uint64_t middle = sectors / 2 * sector, last = (sectors - 1) * sector;
    return middle == last ? std::vector<uint64_t>{0, last} : std::vector<uint64_t>{0, middle, last};
}

bool answersAnywhere(Target& target, const std::optional<uint64_t>& answeredAt) {
    for (uint64_t place : placesToRead(target, answeredAt))
        if (readOneSector(target, place) == 0) return true;
    return false;
}

}  // namespace

std::string vanishedReason(Target& target, const std::optional<uint64_t>& answeredAt, int err,
                           uint64_t at) {
    std::string evidence = describeErrno(err);
    if (!meansGone(err)) {
        if (answersAnywhere(target, answeredAt)) return {};
        evidence += answeredAt ? ", also where it had worked before"
                               : ", also at its first, middle and last sectors";
    }
    return "the device stopped answering at byte " + std::to_string(at) + " (" + evidence +
           "): it was unplugged, lost power or broke; reconnect it and erase it again, or destroy "
           "it if this happens again";
}

}  // namespace massho::erase::detail
