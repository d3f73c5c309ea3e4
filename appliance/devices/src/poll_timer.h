#pragma once

#include <chrono>

#include "massho/base/unique_fd.h"

namespace massho::appliance::detail {

// A periodic timerfd (CLOCK_MONOTONIC, non-blocking): readable once per interval, so that an
// owner's event loop can poll sysfs without a thread of its own. Throws base::Error (Failed).
class PollTimer {
  public:
    explicit PollTimer(std::chrono::milliseconds interval);

    int fd() const { return fd_.get(); }
    // Clears the expirations so far; the descriptor is readable again at the next one.
    void consume();

  private:
    base::UniqueFd fd_;
};

}  // namespace massho::appliance::detail
