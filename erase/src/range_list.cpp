#include "range_list.h"

#include <algorithm>

namespace massho::erase::detail {

void addRange(std::vector<ByteRange>& ranges, ByteRange range) {
    if (range.length == 0) return;
    auto first = std::lower_bound(ranges.begin(), ranges.end(), range.offset,
                                  [](const ByteRange& r, uint64_t at) { return r.end() < at; });
    auto last = first;
    uint64_t begin = range.offset, end = range.end();
    while (last != ranges.end() && last->offset <= end) {
        begin = std::min(begin, last->offset);
        end = std::max(end, last->end());
        ++last;
    }
    first = ranges.erase(first, last);
    ranges.insert(first, ByteRange{begin, end - begin});
}

uint64_t totalLength(const std::vector<ByteRange>& ranges) {
    uint64_t total = 0;
    for (const auto& r : ranges) total += r.length;
    return total;
}

}  // namespace massho::erase::detail
