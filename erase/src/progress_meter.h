#pragma once

#include <chrono>
#include <functional>

#include "massho/erase/progress.h"

namespace massho::erase::detail {

// Turns byte counts into throttled Progress callbacks: at most one per `interval`, plus one
// unthrottled report at the end of each phase so a bar always reaches 100 %.
class ProgressMeter {
  public:
    using Callback = std::function<void(const Progress&)>;
    ProgressMeter(Callback callback, std::chrono::milliseconds interval, int passCount,
                  uint64_t jobBytesTotal);

    void beginPhase(Progress::Phase phase, int pass, uint64_t phaseBytesTotal);
    void advance(uint64_t bytes);
    void endPhase();

  private:
    using Clock = std::chrono::steady_clock;
    void report(Clock::time_point now);

    Callback callback_;
    std::chrono::milliseconds interval_;
    Progress current_;
    Clock::time_point phaseStart_;
    Clock::time_point lastReport_;
};

}  // namespace massho::erase::detail
