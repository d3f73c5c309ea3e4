#include "massho/erase/erasure.h"

#include <gtest/gtest.h>

#include <atomic>

#include "erase_fixtures.h"

namespace massho::erase {
namespace {

using test::entropyBitsPerByte;
using test::FilledLoop;
using test::firstNotEqual;
using test::ForwardingTarget;
using test::optionsFor;

constexpr uint64_t kSmall = 4u << 20;

// The content the last pass defines, regenerated from its pattern, against the device as read
// by the test (not the engine) just before verification.
struct LastPassCheck {
    bool called = false;
    int64_t firstWrong = -2;
    std::vector<uint8_t> content;
};

EraseOptions withLastPassCheck(EraseOptions options, const testsupport::LoopDevice& loop,
                               LastPassCheck& check) {
    options.beforeVerify = [&loop, &check](const PatternSource& last) {
        check.called = true;
        check.content = loop.readAll();
        std::vector<uint8_t> expected(check.content.size());
        last.fill(0, expected);
        check.firstWrong = -1;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (expected[i] != check.content[i]) {
                check.firstWrong = static_cast<int64_t>(i);
                break;
            }
        }
    };
    return options;
}

void expectErased(const Report& r) {
    EXPECT_EQ(r.outcome, Outcome::Erased) << r.failureReason;
    EXPECT_TRUE(r.failureReason.empty());
    EXPECT_TRUE(r.errorRanges.empty());
    EXPECT_LE(r.started, r.ended);
}

TEST(Erasure, ZeroLeavesOnlyZeros) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(16u << 20, 0xA5);
    const Report r = test::erase(disk.loop->path(), optionsFor("zero"));
    expectErased(r);
    EXPECT_EQ(r.verifyMode, VerifyMode::Sample);
    EXPECT_EQ(r.verifyResult, VerifyResult::Passed);
    EXPECT_GE(r.bytesVerified * 10, 16u << 20);
    EXPECT_EQ(r.bytesWritten, 16u << 20);
    ASSERT_EQ(r.passes.size(), 1u);
    EXPECT_EQ(r.passes[0].description, "0x00");
    EXPECT_EQ(firstNotEqual(disk.loop->readAll(), 0x00), -1);
}

TEST(Erasure, RandomLeavesTheRegeneratedKeystream) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(16u << 20, 0x00);
    LastPassCheck check;
    auto options = withLastPassCheck(optionsFor("random"), *disk.loop, check);
    options.verify = VerifyMode::Full;
    const Report r = test::erase(disk.loop->path(), options);
    expectErased(r);
    EXPECT_EQ(r.verifyResult, VerifyResult::Passed);
    EXPECT_EQ(r.bytesVerified, 16u << 20);
    ASSERT_TRUE(check.called);
    EXPECT_EQ(check.firstWrong, -1);
    const auto after = disk.loop->readAll();
    EXPECT_EQ(after, check.content);
    EXPECT_GT(entropyBitsPerByte(after), 7.99);
    EXPECT_NE(firstNotEqual(after, 0x00), -1);
}

TEST(Erasure, BlankAddsAFinalZeroPass) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(kSmall, 0x77);
    auto options = optionsFor("random");
    options.blank = true;
    const Report r = test::erase(disk.loop->path(), options);
    expectErased(r);
    ASSERT_EQ(r.passes.size(), 2u);
    EXPECT_EQ(r.passes[1].description, "0x00 (final blanking pass)");
    EXPECT_EQ(r.bytesWritten, 2 * kSmall);
    EXPECT_EQ(firstNotEqual(disk.loop->readAll(), 0x00), -1);
}

// Every overwrite method: the device holds exactly what its last pass defines.
class EveryMethod : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryMethod, LeavesExactlyItsLastPass) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(kSmall, 0x3C);
    LastPassCheck check;
    const Method& method = *findMethod(GetParam());
    const Report r = test::erase(disk.loop->path(),
                                 withLastPassCheck(optionsFor(GetParam()), *disk.loop, check));
    expectErased(r);
    EXPECT_EQ(r.verifyResult, VerifyResult::Passed);
    ASSERT_EQ(r.passes.size(), method.passes.size());
    for (std::size_t i = 0; i < r.passes.size(); ++i) {
        EXPECT_EQ(r.passes[i].description, method.passes[i].describe());
        EXPECT_EQ(r.passes[i].bytesWritten, kSmall);
    }
    EXPECT_EQ(r.bytesWritten, kSmall * method.passes.size());
    ASSERT_TRUE(check.called);
    EXPECT_EQ(check.firstWrong, -1);
    // Independently of the engine's pattern objects, from the catalog data:
    const PassSpec& last = method.passes.back();
    const auto content = disk.loop->readAll();
    if (last.kind == PassSpec::Kind::Constant) {
        EXPECT_EQ(firstNotEqual(content, last.bytes[0]), -1);
    } else {
        EXPECT_GT(entropyBitsPerByte(content), 7.99);
    }
}

INSTANTIATE_TEST_SUITE_P(Catalog, EveryMethod,
                         ::testing::Values("zero", "random", "dod-3", "dod-7", "gutmann", "vsitr",
                                           "hmg-is5-enhanced", "usb-clear"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                             std::string name = param.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(Erasure, UsbClearLeavesTheComplementOfItsFirstPass) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(kSmall, 0x00);
    std::vector<uint8_t> firstPass;
    auto options = optionsFor("usb-clear");
    options.progressInterval = std::chrono::milliseconds(0);
    options.onProgress = [&](const Progress& p) {
        if (p.phase == Progress::Phase::Writing && p.pass == 1 && p.bytesDone == p.bytesTotal &&
            firstPass.empty()) {
            firstPass = disk.loop->readAll();
        }
    };
    const Report r = test::erase(disk.loop->path(), options);
    expectErased(r);
    const auto content = disk.loop->readAll();
    ASSERT_EQ(firstPass.size(), content.size());
    for (std::size_t i = 0; i < content.size(); ++i) {
        ASSERT_EQ(content[i], static_cast<uint8_t>(~firstPass[i])) << "byte " << i;
    }
}

TEST(Erasure, FullVerifyFindsTheExactFlippedByte) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(16u << 20, 0x00);
    const uint64_t flipped = (9u << 20) + 12345;
    auto options = optionsFor("random");
    options.verify = VerifyMode::Full;
    options.beforeVerify = [&](const PatternSource& last) {
        std::vector<uint8_t> byte(1);
        last.fill(flipped, byte);
        disk.loop->writeAt(flipped, {static_cast<uint8_t>(byte[0] ^ 0x10)});
    };
    const Report r = test::erase(disk.loop->path(), options);
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.verifyResult, VerifyResult::Failed);
    ASSERT_TRUE(r.firstMismatchOffset.has_value());
    EXPECT_EQ(*r.firstMismatchOffset, flipped);
    EXPECT_NE(r.failureReason.find(std::to_string(flipped)), std::string::npos) << r.failureReason;
}

TEST(Erasure, SampleVerifyAlwaysReadsTheFirstAndLastSector) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(16u << 20, 0x00);
    for (uint64_t flipped : {uint64_t{511}, uint64_t{(16u << 20) - 1}}) {
        auto options = optionsFor("vsitr");  // last pass 0xAA
        options.verify = VerifyMode::Sample;
        options.beforeVerify = [&](const PatternSource&) { disk.loop->writeAt(flipped, {0xAB}); };
        const Report r = test::erase(disk.loop->path(), options);
        EXPECT_EQ(r.outcome, Outcome::Failed);
        ASSERT_TRUE(r.firstMismatchOffset.has_value());
        EXPECT_EQ(*r.firstMismatchOffset, flipped);
    }
}

TEST(Erasure, WithoutVerificationAFlipGoesUnnoticed) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(kSmall, 0x00);
    auto options = optionsFor("zero");
    options.verify = VerifyMode::None;
    options.beforeVerify = [&](const PatternSource&) { disk.loop->writeAt(100, {0x01}); };
    const Report r = test::erase(disk.loop->path(), options);
    EXPECT_EQ(r.outcome, Outcome::Erased);
    EXPECT_EQ(r.verifyResult, VerifyResult::NotRun);
    EXPECT_EQ(r.bytesVerified, 0u);
}

TEST(Erasure, CancelMidPassEndsCancelled) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(64u << 20, 0x5A);
    std::atomic<bool> cancel{false};
    auto options = optionsFor("dod-3");
    options.chunkBytes = 1u << 20;
    options.cancel = &cancel;
    options.progressInterval = std::chrono::milliseconds(0);
    options.onProgress = [&](const Progress& p) {
        if (p.pass == 2 && p.bytesDone >= (8u << 20)) cancel = true;
    };
    const Report r = test::erase(disk.loop->path(), options);
    EXPECT_EQ(r.outcome, Outcome::Cancelled);
    EXPECT_NE(r.failureReason.find("cancelled"), std::string::npos);
    ASSERT_EQ(r.passes.size(), 2u);
    EXPECT_LT(r.passes[1].bytesWritten, 64u << 20);
    EXPECT_EQ(r.verifyResult, VerifyResult::NotRun);
    // Pass 2 (0xFF) stopped part way: the end of the device still holds pass 1 (0x00).
    const auto content = disk.loop->readAll();
    EXPECT_EQ(content.front(), 0xFF);
    EXPECT_EQ(content.back(), 0x00);
}

TEST(Erasure, CancelDuringVerificationEndsCancelled) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(32u << 20, 0x5A);
    std::atomic<bool> cancel{false};
    auto options = optionsFor("random");
    options.verify = VerifyMode::Full;
    options.chunkBytes = 1u << 20;
    options.cancel = &cancel;
    options.progressInterval = std::chrono::milliseconds(0);
    options.onProgress = [&](const Progress& p) {
        if (p.phase == Progress::Phase::Verifying && p.bytesDone > 0) cancel = true;
    };
    const Report r = test::erase(disk.loop->path(), options);
    EXPECT_EQ(r.outcome, Outcome::Cancelled);
    EXPECT_EQ(r.verifyResult, VerifyResult::NotRun);
    EXPECT_LT(r.bytesVerified, 32u << 20);
    EXPECT_EQ(r.bytesWritten, 32u << 20);
}

TEST(Erasure, ProgressIsThrottledAndEndsEachPhaseComplete) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(32u << 20, 0x00);
    std::vector<Progress> seen;
    auto options = optionsFor("dod-3");
    options.verify = VerifyMode::Full;
    options.chunkBytes = 1u << 20;
    options.progressInterval = std::chrono::hours(1);  // only the end-of-phase reports
    options.onProgress = [&](const Progress& p) { seen.push_back(p); };
    const Report r = test::erase(disk.loop->path(), options);
    expectErased(r);
    ASSERT_EQ(seen.size(), 4u);  // 3 passes + verification
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(seen[i].phase, Progress::Phase::Writing);
        EXPECT_EQ(seen[i].pass, i + 1);
        EXPECT_EQ(seen[i].passCount, 3);
        EXPECT_EQ(seen[i].bytesDone, 32u << 20);
        EXPECT_EQ(seen[i].bytesTotal, 32u << 20);
        EXPECT_GT(seen[i].bytesPerSecond, 0);
    }
    EXPECT_EQ(seen[3].phase, Progress::Phase::Verifying);
    EXPECT_EQ(seen[3].jobBytesDone, seen[3].jobBytesTotal);
    EXPECT_EQ(seen[3].jobBytesTotal, 4 * (32ull << 20));
    EXPECT_EQ(seen[3].eta, std::chrono::seconds(0));
}

TEST(Erasure, FourKibDirectIoDeviceNeedsAlignedBuffers) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(16u << 20, 0x42,
                    testsupport::LoopOptions{.sectorSize = 4096, .directIo = true});
    auto options = optionsFor("dod-3");
    options.verify = VerifyMode::Full;
    options.blank = true;
    const Report r = test::erase(disk.loop->path(), options);
    expectErased(r);
    EXPECT_EQ(r.verifyResult, VerifyResult::Passed);
    EXPECT_EQ(firstNotEqual(disk.loop->readAll(), 0x00), -1);
}

TEST(Erasure, RegularFileWhenAllowed) {
    testsupport::TempDir dir;
    const std::string file = (dir / "image").string();
    test::writeFilledFile(file, (3u << 20) + 1000, 0x99);  // not a whole number of pages
    auto target = openTarget(file, {.allowRegularFile = true});
    EXPECT_FALSE(target->directIo());
    auto options = optionsFor("gutmann");
    options.verify = VerifyMode::Full;
    options.blank = true;
    const Report r = runErasure(*target, options);
    expectErased(r);
    EXPECT_EQ(r.passes.size(), 36u);
    EXPECT_EQ(firstNotEqual(test::readFile(file), 0x00), -1);
}

TEST(Erasure, BadOptionsAreRefusedBeforeWriting) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(kSmall, 0x61);
    auto target = openTarget(disk.loop->path());
    EraseOptions none;
    EXPECT_THROW(runErasure(*target, none), EraseError);
    auto odd = optionsFor("zero");
    odd.chunkBytes = 100000;
    EXPECT_THROW(runErasure(*target, odd), EraseError);
    EXPECT_EQ(firstNotEqual(disk.loop->readAll(), 0x61), -1);
}

// A target that claims to be larger than the device behind it.
class OversizedTarget : public ForwardingTarget {
  public:
    OversizedTarget(std::unique_ptr<Target> inner, uint64_t extra)
        : ForwardingTarget(std::move(inner)), extra_(extra) {}
    uint64_t size() const override { return inner().size() + extra_; }

  private:
    uint64_t extra_;
};

TEST(Erasure, DeviceEndingBeforeItsSizeFailsLoudly) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    FilledLoop disk(6u << 20, 0x33);
    // The last 4 MiB chunk straddles the real end: a short write, then ENOSPC.
    OversizedTarget target(openTarget(disk.loop->path()), 1u << 20);
    const Report r = runErasure(target, optionsFor("zero"));
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_NE(r.failureReason.find("ended before its reported size"), std::string::npos)
        << r.failureReason;
    EXPECT_EQ(r.verifyResult, VerifyResult::NotRun);
    EXPECT_LT(r.bytesWritten, 7u << 20);
}

}  // namespace
}  // namespace massho::erase
