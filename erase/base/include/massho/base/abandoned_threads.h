#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace massho::base {

// The threads this process has given up on because a device stopped answering them (the
// erasure's stall watchdog, the carry-out's progress deadline, a killed child that could not be
// reaped), counted from the moment they are detached until they end. A thread stuck in the kernel
// cannot be ended from user space: it can only be counted, so that a test or a shutdown can wait
// for the device to let it go.
class AbandonedThreads {
  public:
    void add();
    void remove();
    // True once none is left; false when some still are after `timeout`.
    bool waitForNone(std::chrono::milliseconds timeout);

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int count_ = 0;
};

// The one count of this process.
AbandonedThreads& abandonedThreads();

}  // namespace massho::base
