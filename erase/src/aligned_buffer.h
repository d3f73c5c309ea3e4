#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <span>

namespace massho::erase::detail {

// A heap buffer whose address and length are multiples of `alignment`, as O_DIRECT requires.
class AlignedBuffer {
  public:
    AlignedBuffer() = default;
    AlignedBuffer(std::size_t length, std::size_t alignment)
        : size_(roundUp(length, alignment)),
          data_(static_cast<uint8_t*>(std::aligned_alloc(alignment, size_))) {
        if (!data_) throw std::bad_alloc();
    }

    uint8_t* data() { return data_.get(); }
    const uint8_t* data() const { return data_.get(); }
    std::size_t size() const { return size_; }
    std::span<uint8_t> span(std::size_t length) { return {data_.get(), length}; }

  private:
    static std::size_t roundUp(std::size_t n, std::size_t a) { return (n + a - 1) / a * a; }
    struct Free {
        void operator()(uint8_t* p) const { std::free(p); }
    };
    std::size_t size_ = 0;
    std::unique_ptr<uint8_t, Free> data_;
};

}  // namespace massho::erase::detail
