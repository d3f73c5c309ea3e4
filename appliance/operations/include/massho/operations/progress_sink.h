#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/erase/progress.h"

namespace massho::operations {

// What a person watching an operation sees: which step, how far through the whole act, how
// fast, and how long is left. Every operation reports through one ProgressSink; the command
// line prints it, the service publishes it on the job object, the kiosk draws it.
struct ProgressUpdate {
    std::string step;     // "erasing", "verifying", "formatting", "writing", "checking", …
    double fraction = 0;  // 0..1 of the whole operation, steps weighted by their share
    uint64_t done = 0;    // of the current step (bytes, or items)
    uint64_t total = 0;
    double bytesPerSecond = 0;
    std::optional<std::chrono::seconds> remaining;  // of the whole operation, once known
    std::optional<erase::Progress> engine;          // the overwrite engine's detail (pass, phase)
};

// The steps of an operation and their share of the whole, as fwupd's FuProgress: an erasure
// that then formats and writes is mostly erasing. Steps are entered in order; a step not
// declared counts as the whole. Not thread-safe: one operation reports from one thread.
class ProgressSink {
  public:
    using Listener = std::function<void(const ProgressUpdate&)>;

    explicit ProgressSink(Listener listener = {});

    // Declares the steps with their weights (any positive numbers; only ratios matter).
    void setSteps(std::vector<std::pair<std::string, unsigned>> stepsAndWeights);
    // Starts a step: the fraction jumps to the end of the steps before it.
    void beginStep(std::string_view step);
    // Within the current step: done of total (bytes or items).
    void report(uint64_t done, uint64_t total, double bytesPerSecond = 0,
                std::optional<std::chrono::seconds> remaining = std::nullopt);
    // The overwrite engine's report: its own job bytes make the step's fraction.
    void report(const erase::Progress& engine);

    const ProgressUpdate& last() const { return last_; }

  private:
    void update(uint64_t done, uint64_t total, double bytesPerSecond,
                std::optional<std::chrono::seconds> remaining);
    double stepStart() const;
    double stepShare() const;
    void publish();

    Listener listener_;
    std::vector<std::pair<std::string, unsigned>> steps_;
    unsigned totalWeight_ = 0;
    size_t current_ = 0;
    ProgressUpdate last_;
};

}  // namespace massho::operations
