#include "estimate_clock.h"

#include <algorithm>

namespace massho::erase::sanitize::detail {

EstimateClock::EstimateClock(const DriveSanitizeOptions& options, std::string step,
                             std::chrono::seconds estimate)
    : options_(options), step_(std::move(step)), estimate_(estimate) {
    if (options_.onProgress && estimate_.count() > 0) thread_ = std::thread([this] { run(); });
}

EstimateClock::~EstimateClock() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stop_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void EstimateClock::run() {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    while (!stop_.wait_for(lock, options_.pollInterval, [this] { return stopping_; })) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        const double fraction =
            std::min(0.99, elapsed.count() / static_cast<double>(estimate_.count()));
        options_.onProgress(DriveProgress{fraction, true, step_});
    }
}

}  // namespace massho::erase::sanitize::detail
