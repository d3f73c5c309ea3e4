#pragma once

#include <cstdint>
#include <vector>

#include "massho/erase/report.h"

namespace massho::erase {

// The ranges a sample verification reads (NIST SP 800-88 Rev. 1 §4.7.2 / Appendix A: at least
// 1,000 subsections spread over the medium, first and last LBA included, about 10 % of it read).
// The device is cut into min(1000, sectors) equal strata; one range of at least a tenth of its
// stratum (rounded up to `sector`) is read in each, at an offset drawn from `seed`; the first range
// starts at byte 0 and the last ends at `size`. Ranges are sorted and disjoint.
// `size` must be a multiple of `sector`.
std::vector<ByteRange> samplePlan(uint64_t size, uint32_t sector, uint64_t seed);

}  // namespace massho::erase
