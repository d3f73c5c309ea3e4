#pragma once

#include <vector>

#include "job_control.h"
#include "massho/erase/pattern.h"
#include "massho/erase/target.h"

namespace massho::erase::detail {

// Reads `ranges` back (sorted, disjoint) and compares them with what `pattern` defines there.
// Stops at the first wrong byte (its exact offset in mismatchOffset). Unreadable sectors are
// recorded and skipped. Reading runs one chunk ahead of comparing.
PhaseOutcome verifyRanges(Target& target, const PatternSource& pattern,
                          const std::vector<ByteRange>& ranges, JobControl& job);

}  // namespace massho::erase::detail
