#include "massho/erase/sampling.h"

#include <gtest/gtest.h>

namespace massho::erase {
namespace {

void expectNistShape(const std::vector<ByteRange>& plan, uint64_t size, uint32_t sector) {
    ASSERT_FALSE(plan.empty());
    EXPECT_EQ(plan.front().offset, 0u) << "first LBA not sampled";
    EXPECT_EQ(plan.back().end(), size) << "last LBA not sampled";
    uint64_t total = 0, previousEnd = 0;
    for (const ByteRange& r : plan) {
        EXPECT_GE(r.offset, previousEnd) << "overlapping or unsorted";
        EXPECT_EQ(r.offset % sector, 0u);
        EXPECT_EQ(r.length % sector, 0u);
        EXPECT_GT(r.length, 0u);
        previousEnd = r.end();
        total += r.length;
    }
    EXPECT_GE(total * 10, size) << "less than 10 % read";
}

TEST(Sampling, TwoGibDeviceGetsAThousandSpreadSubsections) {
    const uint64_t size = 2ull << 30;
    const auto plan = samplePlan(size, 512, 42);
    EXPECT_GE(plan.size(), 1000u);
    expectNistShape(plan, size, 512);
    // Spread: every 1/1000 of the device holds the start of a range.
    const uint64_t stratum = size / 1000;
    for (std::size_t k = 0; k < plan.size(); ++k) {
        EXPECT_LT(plan[k].offset, (k + 1) * stratum + 512);
        EXPECT_GE(plan[k].end(), k * stratum);
    }
}

TEST(Sampling, OffsetsComeFromTheSeed) {
    const uint64_t size = 1ull << 30;
    EXPECT_EQ(samplePlan(size, 4096, 7), samplePlan(size, 4096, 7));
    EXPECT_NE(samplePlan(size, 4096, 7), samplePlan(size, 4096, 8));
}

TEST(Sampling, SmallAndOddDevicesStillFollowTheRules) {
    expectNistShape(samplePlan(4u << 20, 512, 1), 4u << 20, 512);
    expectNistShape(samplePlan(4096 * 1001 + 4096 * 7, 4096, 3), 4096 * 1008, 4096);
    expectNistShape(samplePlan(512 * 300, 512, 9), 512 * 300, 512);
    const auto single = samplePlan(512, 512, 1);
    ASSERT_EQ(single.size(), 1u);
    EXPECT_EQ(single[0], (ByteRange{0, 512}));
    EXPECT_THROW(samplePlan(1000, 512, 1), std::invalid_argument);
}

}  // namespace
}  // namespace massho::erase
