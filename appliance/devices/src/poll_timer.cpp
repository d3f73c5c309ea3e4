#include "poll_timer.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "massho/base/error.h"

namespace massho::appliance::detail {
namespace {

[[noreturn]] void fail(const char* what) {
    throw base::Error(base::ErrorCategory::Failed, std::string("cannot watch for block devices: ") +
                                                       what + ": " + std::strerror(errno));
}

timespec toTimespec(std::chrono::milliseconds interval) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(interval);
    return {static_cast<time_t>(seconds.count()),
            static_cast<long>(std::chrono::nanoseconds(interval - seconds).count())};
}

}  // namespace

PollTimer::PollTimer(std::chrono::milliseconds interval)
    : fd_(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC)) {
    if (!fd_) fail("timerfd_create");
    // A zero interval would disarm the timer: the owner would never hear of anything.
    if (interval < std::chrono::milliseconds(1)) interval = std::chrono::milliseconds(1);
    itimerspec spec{};
    spec.it_interval = toTimespec(interval);
    spec.it_value = spec.it_interval;
    if (timerfd_settime(fd_.get(), 0, &spec, nullptr) != 0) fail("timerfd_settime");
}

void PollTimer::consume() {
    uint64_t expirations = 0;
    // EAGAIN: not expired yet (readChanges() called without a wake-up); nothing to clear.
    [[maybe_unused]] ssize_t n = read(fd_.get(), &expirations, sizeof expirations);
}

}  // namespace massho::appliance::detail
