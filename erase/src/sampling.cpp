#include "massho/erase/sampling.h"

#include <algorithm>
#include <random>
#include <stdexcept>

namespace massho::erase {
namespace {

constexpr uint64_t kSubsections = 1000;  // NIST SP 800-88 Rev. 1: at least 1,000 subsections

}  // namespace

std::vector<ByteRange> samplePlan(uint64_t size, uint32_t sector, uint64_t seed) {
    if (sector == 0 || size == 0 || size % sector != 0) {
        throw std::invalid_argument("samplePlan: size must be a non-zero multiple of the sector");
    }
    const uint64_t sectors = size / sector;
    const uint64_t strata = std::min(kSubsections, sectors);
    std::mt19937_64 rng(seed);
    std::vector<ByteRange> plan;
    plan.reserve(strata);
    for (uint64_t k = 0; k < strata; ++k) {
        const uint64_t begin = sectors * k / strata;
        const uint64_t end = sectors * (k + 1) / strata;
        const uint64_t span = end - begin;
        const uint64_t take = std::max<uint64_t>(1, (span + 9) / 10);  // >= 10 % of the stratum
        uint64_t at;
        if (k == 0) {
            at = begin;  // the first LBA is always read
        } else if (k == strata - 1) {
            at = end - take;  // ... and so is the last
        } else {
            at = begin + rng() % (span - take + 1);
        }
        if (strata == 1) {
            plan.push_back({0, size});
            break;
        }
        plan.push_back({at * sector, take * sector});
    }
    return plan;
}

}  // namespace massho::erase
