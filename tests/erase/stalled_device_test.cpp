// A device that stops answering: a write or read that never returns (a wedged USB bridge, a hung
// firmware). Before the stall watchdog the job waited as long as the kernel did, for ever here;
// now it ends as failed, saying where, and the thread stuck in the kernel is left with the
// device. The hang is real: a loop device over nbdkit (testsupport::StallingDisk) whose writes
// past a byte, or whose reads, wait until released.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "erase_fixtures.h"
#include "massho/base/unique_fd.h"
#include "massho/erase/erasure.h"
#include "massho/testsupport/stalling_disk.h"

namespace massho::erase {
namespace {

using namespace std::chrono_literals;
constexpr uint64_t kMiB = 1u << 20;
constexpr uint64_t kSize = 32 * kMiB;
// Chunks of 1 MiB: each one through nbdkit's sh plugin (a dd per request) stays well under this
// even on a loaded machine, so only the held request stalls.
constexpr auto kTimeout = 5s;

// Whether the device can be opened exclusively, as the next job would: not while a descriptor
// of an abandoned job is still open on it.
bool freeForAnotherJob(const std::string& path) {
    const base::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_EXCL | O_CLOEXEC));
    return static_cast<bool>(fd);
}

std::vector<uint8_t> readDevice(const std::string& path, uint64_t offset, std::size_t length) {
    std::vector<uint8_t> bytes(length);
    const base::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    EXPECT_EQ(::pread(fd.get(), bytes.data(), length, static_cast<off_t>(offset)),
              static_cast<ssize_t>(length));
    return bytes;
}

class StalledDevice : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        ASSERT_TRUE(testsupport::StallingDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        disk = std::make_unique<testsupport::StallingDisk>(dir.path(), kSize);
    }
    testsupport::TempDir dir;
    std::unique_ptr<testsupport::StallingDisk> disk;
};

TEST_F(StalledDevice, AWriteThatNeverReturnsEndsTheJobAsFailedWhereItStopped) {
    disk->stallWritesFrom(8 * kMiB);
    EraseOptions options = test::optionsFor("random");
    options.verify = VerifyMode::Full;
    options.chunkBytes = kMiB;
    options.stallTimeout = kTimeout;
    const Report r = runErasure(openTarget(disk->path()), options);

    EXPECT_TRUE(disk->writeWaiting()) << "the write at 8 MiB reached the disk and was held";
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.failureReason,
              "pass 1 of 1: the device stopped responding at offset 8388608 (a write of 1048576 "
              "bytes there had no answer in 5 s; 8388608 bytes of this pass were written): the "
              "job was abandoned and the device stays held until it answers or is unplugged; "
              "unplug it, reconnect it and erase it again, or destroy it if this happens again");
    ASSERT_EQ(r.passes.size(), 1u);
    EXPECT_EQ(r.passes[0].bytesWritten, 8 * kMiB);
    EXPECT_EQ(r.bytesWritten, 8 * kMiB);
    EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{8 * kMiB, kMiB}}));
    EXPECT_EQ(r.verifyResult, VerifyResult::NotRun);

    // The thread stuck in the kernel keeps the descriptor: the device stays held, so no other
    // job can be handed it half-written. Once the disk answers, that thread ends at once,
    // closing it, without writing anything more.
    EXPECT_FALSE(freeForAnotherJob(disk->path()));
    disk->release();
    EXPECT_TRUE(waitForAbandonedJobs(30s)) << "the stuck thread ended once the disk answered";
    EXPECT_TRUE(freeForAnotherJob(disk->path()));
    const std::vector<uint8_t> after = readDevice(disk->path(), 9 * kMiB, kSize - 9 * kMiB);
    EXPECT_EQ(std::count(after.begin(), after.end(), 0), static_cast<long>(after.size()))
        << "nothing written past the chunk that hung";
    const std::vector<uint8_t> before = readDevice(disk->path(), 0, 8 * kMiB);
    EXPECT_LT(std::count(before.begin(), before.end(), 0), static_cast<long>(kMiB))
        << "the first 8 MiB were written with random bytes";
}

TEST_F(StalledDevice, AReadThatNeverReturnsDuringVerificationEndsTheJobAsFailed) {
    EraseOptions options = test::optionsFor("zero");
    options.verify = VerifyMode::Full;
    options.chunkBytes = kMiB;
    options.stallTimeout = kTimeout;
    options.beforeVerify = [this](const PatternSource&) { disk->stall(); };
    const Report r = runErasure(openTarget(disk->path()), options);

    EXPECT_TRUE(disk->readWaiting());
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.failureReason.rfind("verification: the device stopped responding at offset 0 (a "
                                    "read of 1048576 bytes there had no answer in 5 s; 0 bytes "
                                    "were read back): the job was abandoned",
                                    0),
              0u)
        << r.failureReason;
    ASSERT_EQ(r.passes.size(), 1u);
    EXPECT_EQ(r.passes[0].bytesWritten, kSize) << "the pass itself was done";
    EXPECT_EQ(r.bytesWritten, kSize);
    EXPECT_EQ(r.verifyResult, VerifyResult::Failed);
    EXPECT_EQ(r.bytesVerified, 0u);
    EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{0, kMiB}}));
    disk->release();
    EXPECT_TRUE(waitForAbandonedJobs(30s));
    EXPECT_TRUE(freeForAnotherJob(disk->path()));
}

// A device that answers is erased under the watchdog as before: progress reaches the caller on
// its own thread, and the device is closed when the job returns.
TEST_F(StalledDevice, AnAnsweringDeviceIsErasedAsBeforeAndClosedAtTheEnd) {
    EraseOptions options = test::optionsFor("zero");
    options.verify = VerifyMode::Full;
    options.progressInterval = 0ms;
    const std::thread::id caller = std::this_thread::get_id();
    int reports = 0, elsewhere = 0;
    options.onProgress = [&](const Progress&) {
        ++reports;
        if (std::this_thread::get_id() != caller) ++elsewhere;
    };
    const Report r = runErasure(openTarget(disk->path()), options);
    EXPECT_EQ(r.outcome, Outcome::Erased) << r.failureReason;
    EXPECT_EQ(r.bytesVerified, kSize);
    EXPECT_GT(reports, 0);
    EXPECT_EQ(elsewhere, 0);
    EXPECT_TRUE(freeForAnotherJob(disk->path()));
}

}  // namespace
}  // namespace massho::erase
