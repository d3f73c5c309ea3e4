#include "progress_meter.h"

namespace massho::erase::detail {

ProgressMeter::ProgressMeter(Callback callback, std::chrono::milliseconds interval, int passCount,
                             uint64_t jobBytesTotal)
    : callback_(std::move(callback)), interval_(interval) {
    current_.passCount = passCount;
    current_.jobBytesTotal = jobBytesTotal;
}

void ProgressMeter::beginPhase(Progress::Phase phase, int pass, uint64_t phaseBytesTotal) {
    current_.phase = phase;
    current_.pass = pass;
    current_.bytesDone = 0;
    current_.bytesTotal = phaseBytesTotal;
    current_.bytesPerSecond = 0;
    phaseStart_ = Clock::now();
    lastReport_ = phaseStart_;
}

void ProgressMeter::advance(uint64_t bytes) {
    current_.bytesDone += bytes;
    current_.jobBytesDone += bytes;
    if (!callback_) return;
    const auto now = Clock::now();
    if (now - lastReport_ >= interval_) report(now);
}

void ProgressMeter::endPhase() {
    if (callback_) report(Clock::now());
}

void ProgressMeter::report(Clock::time_point now) {
    lastReport_ = now;
    const double elapsed = std::chrono::duration<double>(now - phaseStart_).count();
    current_.bytesPerSecond = elapsed > 0 ? static_cast<double>(current_.bytesDone) / elapsed : 0;
    current_.eta.reset();
    if (current_.bytesPerSecond > 0) {
        // Assumes the remaining passes and the verification run at the current phase's rate.
        const double remaining =
            static_cast<double>(current_.jobBytesTotal - current_.jobBytesDone);
        current_.eta =
            std::chrono::seconds(static_cast<long long>(remaining / current_.bytesPerSecond));
    }
    callback_(current_);
}

}  // namespace massho::erase::detail
