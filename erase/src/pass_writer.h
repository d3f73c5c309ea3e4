#pragma once

#include "job_control.h"
#include "massho/erase/pattern.h"
#include "massho/erase/target.h"

namespace massho::erase::detail {

// Writes `pattern` over the whole target in chunks, then fdatasyncs. Media errors are retried
// sector by sector and recorded; the pass goes on to the end.
PhaseOutcome writePass(Target& target, const PatternSource& pattern, JobControl& job);

}  // namespace massho::erase::detail
