#include "device_presence.h"

#include <cerrno>

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

}  // namespace

std::string vanishedReason(Target& target, const std::optional<uint64_t>& answeredAt, int err,
                           uint64_t at) {
    std::string evidence = describeErrno(err);
    if (!meansGone(err)) {
        if (!answeredAt || readOneSector(target, *answeredAt) == 0) return {};
        evidence += ", also where it had worked before";
    }
    return "the device stopped answering at byte " + std::to_string(at) + " (" + evidence +
           "): it was unplugged, lost power or broke; reconnect it and erase it again, or destroy "
           "it if this happens again";
}

}  // namespace massho::erase::detail
