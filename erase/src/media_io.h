#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "massho/erase/report.h"
#include "massho/erase/target.h"

namespace massho::erase::detail {

// EIO and ENODATA mean the medium could not store or return a sector: retried sector by sector and
// recorded, the pass goes on. Anything else is a fault of the job or the system and stops it.
bool isMediaError(int err);

// Transfers all of [offset, offset + length), continuing after short transfers. Returns 0 or an
// errno value; a transfer that makes no progress is ENOSPC (the device ended before its size).
int writeFully(Target& target, const uint8_t* data, std::size_t length, uint64_t offset);
int readFully(Target& target, uint8_t* data, std::size_t length, uint64_t offset);

// After a media error on a whole range: retries it in halves down to single logical sectors and
// records every sector that still fails in `bad` (merged). `io(offset, length)` returns 0 or an
// errno. Returns an empty string, or a one-line reason when a non-media error turns up.
using RangeIo = std::function<int(uint64_t offset, std::size_t length)>;
std::string retryInSectors(uint64_t offset, std::size_t length, uint32_t sector, const RangeIo& io,
                           std::vector<ByteRange>& bad);

// One line naming the errno for failure reasons.
std::string describeErrno(int err);

}  // namespace massho::erase::detail
