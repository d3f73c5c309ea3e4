#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "aligned_buffer.h"

namespace massho::erase::detail {

// A producer thread filling a small ring of aligned buffers ahead of the consumer, so that
// generating a pattern (or reading the device) overlaps with writing (or comparing).
// Items are produced and consumed strictly in index order.
class Pipeline {
  public:
    // Fills `buffer` for item `index` and returns a status for the consumer (0 or an errno).
    using Produce = std::function<int(std::size_t index, AlignedBuffer& buffer)>;

    Pipeline(std::size_t itemCount, std::size_t slotCount, std::size_t slotBytes,
             std::size_t alignment, Produce produce);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    struct Item {
        AlignedBuffer* buffer;
        int status;
    };
    // Blocks until the next item is ready. Rethrows what the producer threw.
    Item acquire();
    // Gives the slot of the last acquired item back to the producer.
    void release();

  private:
    void run();

    std::size_t itemCount_;
    Produce produce_;
    std::vector<AlignedBuffer> slots_;
    std::vector<int> status_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t produced_ = 0;
    std::size_t released_ = 0;
    bool stop_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace massho::erase::detail
