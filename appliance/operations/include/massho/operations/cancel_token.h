#pragma once

#include <atomic>

namespace massho::operations {

// "Stop, please", asked from elsewhere (a signal handler, a D-Bus call, the kiosk's button) and
// read by the running job between chunks. Setting it is async-signal-safe (a lock-free atomic).
// A drive command already sent cannot be taken back: hardware erasure reads it only before.
class CancelToken {
  public:
    void request() noexcept { flag_.store(true); }
    bool requested() const noexcept { return flag_.load(); }
    // The engine polls a plain flag between chunks (erase::EraseOptions::cancel).
    const std::atomic<bool>* flag() const noexcept { return &flag_; }

  private:
    std::atomic<bool> flag_{false};
};

}  // namespace massho::operations
