#include "pipeline.h"

namespace massho::erase::detail {

Pipeline::Pipeline(std::size_t itemCount, std::size_t slotCount, std::size_t slotBytes,
                   std::size_t alignment, Produce produce)
    : itemCount_(itemCount), produce_(std::move(produce)), status_(slotCount, 0) {
    slots_.reserve(slotCount);
    for (std::size_t i = 0; i < slotCount; ++i) slots_.emplace_back(slotBytes, alignment);
    thread_ = std::thread([this] { run(); });
}

Pipeline::~Pipeline() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void Pipeline::run() {
    try {
        for (std::size_t index = 0; index < itemCount_; ++index) {
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || index - released_ < slots_.size(); });
                if (stop_) return;
            }
            const std::size_t slot = index % slots_.size();
            const int status = produce_(index, slots_[slot]);
            {
                std::lock_guard lock(mutex_);
                status_[slot] = status;
                ++produced_;
            }
            changed_.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        error_ = std::current_exception();
        changed_.notify_all();
    }
}

Pipeline::Item Pipeline::acquire() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return produced_ > released_ || error_; });
    if (produced_ <= released_) std::rethrow_exception(error_);
    const std::size_t slot = released_ % slots_.size();
    return {&slots_[slot], status_[slot]};
}

void Pipeline::release() {
    {
        std::lock_guard lock(mutex_);
        ++released_;
    }
    changed_.notify_all();
}

}  // namespace massho::erase::detail
