#pragma once

#include <map>
#include <span>

#include "aligned_buffer.h"
#include "massho/erase/pattern.h"

namespace massho::erase::detail {

// Hands out the expected bytes of a pattern at any offset. A periodic pattern (constant bytes,
// Gutmann's 3-byte rotations) is generated once per phase and then reused for the whole device;
// anything else is generated into a scratch buffer on every call.
class PatternCache {
  public:
    PatternCache(const PatternSource& source, std::size_t maxLength, std::size_t alignment);

    // Valid until the next call. length <= maxLength.
    std::span<const uint8_t> bytesAt(uint64_t offset, std::size_t length);
    bool periodic() const { return period_ != 0; }

  private:
    const PatternSource& source_;
    std::size_t maxLength_;
    std::size_t alignment_;
    std::size_t period_;
    std::map<std::size_t, AlignedBuffer> byPhase_;
    AlignedBuffer scratch_;
};

}  // namespace massho::erase::detail
