#include "watched_target.h"

#include <cerrno>

namespace massho::erase::detail {

ssize_t WatchedTarget::writeAt(const uint8_t* data, std::size_t length, uint64_t offset) {
    const uint64_t call = watch_->begin("write", offset, length);
    if (!call) return -ENODEV;
    const ssize_t n = target_->writeAt(data, length, offset);
    watch_->end(call, true, n);
    return n;
}

ssize_t WatchedTarget::readAt(uint8_t* data, std::size_t length, uint64_t offset) {
    const uint64_t call = watch_->begin("read", offset, length);
    if (!call) return -ENODEV;
    const ssize_t n = target_->readAt(data, length, offset);
    watch_->end(call, false, n);
    return n;
}

// A flush waits for everything the device took to reach the medium: timed like a call at the end
// of the device, where a pass's last writes went.
int WatchedTarget::flush() {
    const uint64_t call = watch_->begin("flush", target_->size(), 0);
    if (!call) return ENODEV;
    const int err = target_->flush();
    watch_->end(call, true, 0);
    return err;
}

}  // namespace massho::erase::detail
