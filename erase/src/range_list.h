#pragma once

#include <vector>

#include "massho/erase/report.h"

namespace massho::erase::detail {

// Adds `range` to a sorted list of disjoint ranges, merging it with any range it overlaps or
// touches, so that adjacent bad sectors read as one range.
void addRange(std::vector<ByteRange>& ranges, ByteRange range);

uint64_t totalLength(const std::vector<ByteRange>& ranges);

}  // namespace massho::erase::detail
