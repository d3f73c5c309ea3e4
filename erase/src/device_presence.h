#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "massho/erase/target.h"

namespace massho::erase::detail {

// Whether a device that has just failed a transfer at byte `at` (with errno `err`) is still
// there. A pulled USB disk fails every request (EIO), or drops to size 0 (writes fail with
// ENOSPC, reads transfer nothing), even where it worked a moment ago; a disk with bad sectors
// still reads a sector it has just written or read. So the sector at `answeredAt`, the last
// place this job transferred a whole chunk, is read once: when that fails too, or when `err`
// itself says the device is gone (ENODEV, ENXIO, ENOMEDIUM), the device has gone away.
// Returns "" while it answers (or when nothing has worked yet to compare with), otherwise the
// one-line reason the job stops with, instead of retrying sector by sector a device that is not
// there.
std::string vanishedReason(Target& target, const std::optional<uint64_t>& answeredAt, int err,
                           uint64_t at);

}  // namespace massho::erase::detail
