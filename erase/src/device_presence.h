#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "massho/erase/target.h"

namespace massho::erase::detail {

// Whether a device that has just failed a transfer at byte `at` (with errno `err`) is still
// there. A pulled USB disk fails every request (EIO), or drops to size 0 (writes fail with
// ENOSPC, reads transfer nothing), even where it worked a moment ago; a disk with bad sectors
// still reads a sector it has just written or read, and most of its sectors anyway. So one
// sector is read where this job last transferred a whole chunk (`answeredAt`); before anything
// has worked, the first, middle and last sectors are read instead, and one of them answering is
// enough. When none answers, or when `err` itself says the device is gone (ENODEV, ENXIO,
// ENOMEDIUM), the device has gone away.
// Returns "" while it answers, otherwise the one-line reason the job stops with, instead of
// retrying sector by sector a device that is not there.
std::string vanishedReason(Target& target, const std::optional<uint64_t>& answeredAt, int err,
                           uint64_t at);

}  // namespace massho::erase::detail
