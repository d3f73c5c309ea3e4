#include "pattern_cache.h"

namespace massho::erase::detail {

PatternCache::PatternCache(const PatternSource& source, std::size_t maxLength,
                           std::size_t alignment)
    : source_(source),
      maxLength_(maxLength),
      alignment_(alignment),
      period_(source.period().value_or(0)) {}

std::span<const uint8_t> PatternCache::bytesAt(uint64_t offset, std::size_t length) {
    if (period_ == 0) {
        if (scratch_.size() == 0) scratch_ = AlignedBuffer(maxLength_, alignment_);
        source_.fill(offset, scratch_.span(length));
        return {scratch_.data(), length};
    }
    // A periodic pattern at `offset` is the same as at offset % period.
    const std::size_t phase = static_cast<std::size_t>(offset % period_);
    auto it = byPhase_.find(phase);
    if (it == byPhase_.end()) {
        AlignedBuffer buffer(maxLength_, alignment_);
        source_.fill(phase, buffer.span(maxLength_));
        it = byPhase_.emplace(phase, std::move(buffer)).first;
    }
    return {it->second.data(), length};
}

}  // namespace massho::erase::detail
