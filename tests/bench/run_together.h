#pragma once

#include <functional>
#include <vector>

namespace massho::bench {

// Runs work(0) … work(n-1) on n threads released at the same moment and waits for all of them.
// Returns each worker's own duration in seconds (from the common start to its end), so that a
// device starved by the others shows. Rethrows the first worker's exception after all have ended.
std::vector<double> runTogether(int n, const std::function<void(int)>& work);

}  // namespace massho::bench
