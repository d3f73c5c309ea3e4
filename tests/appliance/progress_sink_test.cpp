// One progress sink for every operation: the fraction a person sees moves forward through the
// weighted steps and never jumps back, and the engine's detail reaches the printer.
#include "massho/operations/progress_sink.h"

#include <gtest/gtest.h>

#include <vector>

using massho::operations::ProgressSink;
using massho::operations::ProgressUpdate;

TEST(ProgressSink, WeightedStepsMakeOneFractionOfTheWholeAct) {
    std::vector<ProgressUpdate> seen;
    ProgressSink sink([&](const ProgressUpdate& u) { seen.push_back(u); });
    sink.setSteps({{"erasing", 8}, {"formatting", 1}, {"writing", 1}});
    sink.beginStep("erasing");
    sink.report(50, 100);
    EXPECT_DOUBLE_EQ(seen.back().fraction, 0.4);  // half of the first 8/10
    sink.beginStep("formatting");
    EXPECT_DOUBLE_EQ(seen.back().fraction, 0.8);
    EXPECT_EQ(seen.back().step, "formatting");
    sink.beginStep("writing");
    sink.report(3, 3);
    EXPECT_DOUBLE_EQ(seen.back().fraction, 1.0);
    for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].fraction, seen[i - 1].fraction);
}

TEST(ProgressSink, WithoutDeclaredStepsTheStepIsTheWhole) {
    ProgressSink sink;
    sink.beginStep("checking");
    sink.report(1, 4);
    EXPECT_DOUBLE_EQ(sink.last().fraction, 0.25);
    sink.report(9, 4);  // a count past the total never shows more than all of it
    EXPECT_DOUBLE_EQ(sink.last().fraction, 1.0);
}

TEST(ProgressSink, EngineReportsCarryPassAndRate) {
    ProgressSink sink;
    sink.setSteps({{"erasing", 1}});
    sink.beginStep("erasing");
    massho::erase::Progress p;
    p.pass = 2;
    p.passCount = 3;
    p.jobBytesDone = 30;
    p.jobBytesTotal = 120;
    p.bytesPerSecond = 1e6;
    sink.report(p);
    ASSERT_TRUE(sink.last().engine);
    EXPECT_EQ(sink.last().engine->pass, 2);
    EXPECT_DOUBLE_EQ(sink.last().fraction, 0.25);
    EXPECT_DOUBLE_EQ(sink.last().bytesPerSecond, 1e6);
    sink.report(60, 120);  // a plain report drops the engine's detail
    EXPECT_FALSE(sink.last().engine);
}
