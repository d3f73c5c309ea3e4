#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "massho/erase/report.h"
#include "progress_meter.h"

namespace massho::erase::detail {

// A device losing this much is dying: stop instead of retrying sector by sector for days.
inline constexpr uint64_t kMaxBadBytes = 64ull << 20;

// What every phase of a job shares: the chunk size, the cancel flag, the progress meter, and
// where the device last answered (device_presence.h).
struct JobControl {
    std::size_t chunkBytes;
    const std::atomic<bool>* cancel;
    ProgressMeter& progress;
    std::optional<uint64_t> answeredAt;  // offset of the last chunk transferred whole

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// How one phase (a pass or the verification) ended.
struct PhaseOutcome {
    uint64_t bytesDone = 0;                  // written, or read and compared
    std::vector<ByteRange> errors;           // unwritable / unreadable ranges
    std::optional<uint64_t> mismatchOffset;  // verification only
    std::string fatal;                       // non-empty: the job must stop, this is why
    bool cancelled = false;
};

}  // namespace massho::erase::detail
