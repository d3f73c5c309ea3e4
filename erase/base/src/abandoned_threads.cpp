#include "massho/base/abandoned_threads.h"

namespace massho::base {

void AbandonedThreads::add() {
    std::lock_guard lock(mutex_);
    ++count_;
}

// Notified under the lock: a waiter that then returns, and the process's exit destroying this,
// come strictly after.
void AbandonedThreads::remove() {
    std::lock_guard lock(mutex_);
    --count_;
    changed_.notify_all();
}

bool AbandonedThreads::waitForNone(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return count_ == 0; });
}

AbandonedThreads& abandonedThreads() {
    static AbandonedThreads threads;
    return threads;
}

}  // namespace massho::base
