#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace massho::erase {

// One progress report. bytesDone/bytesTotal count the current phase (one pass, or verification);
// jobBytesDone/jobBytesTotal count the whole job (every pass plus verification) for a single bar.
struct Progress {
    enum class Phase { Writing, Verifying };
    Phase phase = Phase::Writing;
    int pass = 0;       // 1-based; during verification: the pass being verified (the last one)
    int passCount = 0;  // including the blanking pass, if any
    uint64_t bytesDone = 0;
    uint64_t bytesTotal = 0;
    uint64_t jobBytesDone = 0;
    uint64_t jobBytesTotal = 0;
    double bytesPerSecond = 0;                // average over the current phase
    std::optional<std::chrono::seconds> eta;  // to the end of the whole job; nullopt until known
};

}  // namespace massho::erase
