#include "massho/operations/progress_sink.h"

#include <algorithm>

namespace massho::operations {

ProgressSink::ProgressSink(Listener listener) : listener_(std::move(listener)) {}

void ProgressSink::setSteps(std::vector<std::pair<std::string, unsigned>> stepsAndWeights) {
    steps_ = std::move(stepsAndWeights);
    totalWeight_ = 0;
    for (const auto& [name, weight] : steps_) totalWeight_ += weight;
    current_ = 0;
}

void ProgressSink::beginStep(std::string_view step) {
    const auto it =
        std::find_if(steps_.begin(), steps_.end(), [&](const auto& s) { return s.first == step; });
    current_ = it == steps_.end() ? steps_.size() : static_cast<size_t>(it - steps_.begin());
    last_ = ProgressUpdate{};
    last_.step = std::string(step);
    last_.fraction = stepStart();
    publish();
}

void ProgressSink::report(uint64_t done, uint64_t total, double bytesPerSecond,
                          std::optional<std::chrono::seconds> remaining) {
    update(done, total, bytesPerSecond, remaining);
    last_.engine.reset();
    publish();
}

void ProgressSink::report(const erase::Progress& engine) {
    update(engine.jobBytesDone, engine.jobBytesTotal, engine.bytesPerSecond, engine.eta);
    last_.engine = engine;
    publish();
}

void ProgressSink::update(uint64_t done, uint64_t total, double bytesPerSecond,
                          std::optional<std::chrono::seconds> remaining) {
    last_.done = done;
    last_.total = total;
    last_.bytesPerSecond = bytesPerSecond;
    last_.remaining = remaining;
    const double within =
        total == 0 ? 0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    last_.fraction = stepStart() + within * stepShare();
}

// Where the current step starts in the whole (0 when no steps were declared).
double ProgressSink::stepStart() const {
    if (totalWeight_ == 0 || current_ >= steps_.size()) return 0;
    unsigned before = 0;
    for (size_t i = 0; i < current_; ++i) before += steps_[i].second;
    return static_cast<double>(before) / totalWeight_;
}

// The current step's share of the whole (all of it when no steps were declared).
double ProgressSink::stepShare() const {
    if (totalWeight_ == 0 || current_ >= steps_.size()) return 1;
    return static_cast<double>(steps_[current_].second) / totalWeight_;
}

void ProgressSink::publish() {
    if (listener_) listener_(last_);
}

}  // namespace massho::operations
