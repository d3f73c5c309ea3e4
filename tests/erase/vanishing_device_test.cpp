// A device that goes away mid-job, and one that takes each transfer in pieces, in front of a real
// image file. A pulled USB disk fails every request with EIO, or (once the kernel has noticed)
// has size 0: writes fail with ENOSPC and reads return nothing. Either way the job must stop at
// once, saying so, instead of retrying a device that is not there sector by sector.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include "erase_fixtures.h"
#include "massho/erase/erasure.h"
#include "massho/testsupport/pullable_disk.h"

namespace massho::erase {
namespace {

constexpr uint64_t kMiB = 1u << 20;
constexpr uint64_t kSize = 32 * kMiB;

// How a device behaves once it is gone.
enum class Gone {
    FailsEverything,  // EIO on every read and write (still attached, no longer answering)
    ShrunkToNothing,  // size 0: writes ENOSPC, reads transfer nothing
    NoSuchDevice,     // ENODEV
};

// An image file that goes away once `lifetime` bytes have been transferred (written and read),
// and counts the transfers tried after that.
class VanishingTarget : public test::ForwardingTarget {
  public:
    VanishingTarget(std::unique_ptr<Target> inner, uint64_t lifetime, Gone how)
        : ForwardingTarget(std::move(inner)), lifetime_(lifetime), how_(how) {}
    ssize_t writeAt(const uint8_t* d, std::size_t n, uint64_t at) override {
        if (gone()) return failed(-ENOSPC);
        return counted(inner().writeAt(d, n, at));
    }
    ssize_t readAt(uint8_t* d, std::size_t n, uint64_t at) override {
        if (gone()) return failed(0);
        return counted(inner().readAt(d, n, at));
    }
    int flush() override { return gone() ? EIO : inner().flush(); }
    int triesAfterGone() const { return tries_; }

  private:
    bool gone() const { return transferred_ >= lifetime_; }
    ssize_t counted(ssize_t n) {
        if (n > 0) transferred_ += static_cast<uint64_t>(n);
        return n;
    }
    // `shrunk`: what a device of size 0 answers to this transfer.
    ssize_t failed(ssize_t shrunk) {
        ++tries_;
        switch (how_) {
            case Gone::FailsEverything:
                return -EIO;
            case Gone::ShrunkToNothing:
                return shrunk;
            case Gone::NoSuchDevice:
                break;
        }
        return -ENODEV;
    }

    uint64_t lifetime_;
    Gone how_;
    std::atomic<uint64_t> transferred_{0};  // the verifier reads on a thread of its own
    std::atomic<int> tries_{0};
};

class VanishingDevice : public ::testing::Test {
  protected:
    void SetUp() override { test::writeFilledFile(file(), kSize, 0x5C); }
    std::string file() const { return (dir / "disk.img").string(); }
    VanishingTarget target(uint64_t lifetime, Gone how) {
        return VanishingTarget(openTarget(file(), OpenOptions{.allowRegularFile = true}), lifetime,
                               how);
    }
    testsupport::TempDir dir;
};

TEST_F(VanishingDevice, PulledMidPassTheJobStopsAtOnceSayingSo) {
    for (Gone how : {Gone::FailsEverything, Gone::ShrunkToNothing}) {
        VanishingTarget disk = target(8 * kMiB, how);
        const Report r = runErasure(disk, test::optionsFor("zero"));
        EXPECT_EQ(r.outcome, Outcome::Failed);
        EXPECT_EQ(r.failureReason.find("pass 1 of 1: the device stopped answering at byte 8388608"),
                  0u)
            << r.failureReason;
        EXPECT_NE(r.failureReason.find("it was unplugged, lost power or broke; reconnect it and "
                                       "erase it again"),
                  std::string::npos)
            << r.failureReason;
        // The chunk it stopped in is where the error is; nothing was retried sector by sector.
        EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{8 * kMiB, 4 * kMiB}}));
        ASSERT_EQ(r.passes.size(), 1u);
        EXPECT_EQ(r.passes[0].bytesWritten, 8 * kMiB);
        EXPECT_EQ(r.verifyResult, VerifyResult::NotRun);
        EXPECT_LE(disk.triesAfterGone(), 2) << "the failed chunk and one look where it worked";
    }
}

TEST_F(VanishingDevice, PulledDuringVerificationTheJobStopsAtOnceSayingSo) {
    for (Gone how : {Gone::FailsEverything, Gone::ShrunkToNothing}) {
        // Gone after the pass and the first 4 MiB read back.
        VanishingTarget disk = target(kSize + 4 * kMiB, how);
        auto options = test::optionsFor("zero");
        options.verify = VerifyMode::Full;
        const Report r = runErasure(disk, options);
        EXPECT_EQ(r.outcome, Outcome::Failed);
        EXPECT_EQ(r.verifyResult, VerifyResult::Failed);
        EXPECT_EQ(r.failureReason.find("verification: the device stopped answering at byte " +
                                       std::to_string(4 * kMiB)),
                  0u)
            << r.failureReason;
        EXPECT_EQ(r.bytesVerified, 4 * kMiB);
        EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{4 * kMiB, 4 * kMiB}}));
        // The reader runs up to three chunks ahead, then one look where it worked.
        EXPECT_LE(disk.triesAfterGone(), 5);
    }
}

// ENODEV says so itself, even before anything has worked to compare with.
TEST_F(VanishingDevice, NoSuchDeviceStopsTheJobEvenAtTheFirstChunk) {
    VanishingTarget disk = target(0, Gone::NoSuchDevice);
    const Report r = runErasure(disk, test::optionsFor("zero"));
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_NE(r.failureReason.find("stopped answering at byte 0 (No such device"),
              std::string::npos)
        << r.failureReason;
    EXPECT_EQ(disk.triesAfterGone(), 1);
}

// Pulled before the first chunk succeeded there is no place that worked to read back: the job
// reads the first, middle and last sectors instead, finds none answering, and stops at once
// instead of retrying sector by sector the 64 MiB a dying disk is allowed.
TEST_F(VanishingDevice, PulledBeforeTheFirstChunkTheJobStopsAtOnceSayingSo) {
    for (Gone how : {Gone::FailsEverything, Gone::ShrunkToNothing}) {
        VanishingTarget disk = target(0, how);
        const Report r = runErasure(disk, test::optionsFor("zero"));
        EXPECT_EQ(r.outcome, Outcome::Failed);
        EXPECT_EQ(r.failureReason.find("pass 1 of 1: the device stopped answering at byte 0 ("), 0u)
            << r.failureReason;
        EXPECT_NE(r.failureReason.find("also at its first, middle and last sectors): it was "
                                       "unplugged, lost power or broke"),
                  std::string::npos)
            << r.failureReason;
        EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{0, 4 * kMiB}}));
        EXPECT_EQ(r.bytesWritten, 0u);
        EXPECT_LE(disk.triesAfterGone(), 4) << "the first chunk and three looks, nothing more";
    }
}

// Bad sectors at the very start of a disk that is there (its first MiB can be neither written
// nor read): the first, middle and last sectors are read, the middle one answers, so these are
// bad sectors, found one by one and recorded, and the rest of the disk is erased.
class BadStartTarget : public test::ForwardingTarget {
  public:
    BadStartTarget(std::unique_ptr<Target> inner, uint64_t badBytes)
        : ForwardingTarget(std::move(inner)), bad_(badBytes) {}
    ssize_t writeAt(const uint8_t* d, std::size_t n, uint64_t at) override {
        return at < bad_ ? -EIO : inner().writeAt(d, n, at);
    }
    ssize_t readAt(uint8_t* d, std::size_t n, uint64_t at) override {
        return at < bad_ ? -EIO : inner().readAt(d, n, at);
    }

  private:
    uint64_t bad_;
};

TEST_F(VanishingDevice, BadSectorsAtTheVeryStartAreNotTakenForAPulledDisk) {
    BadStartTarget disk(openTarget(file(), OpenOptions{.allowRegularFile = true}), kMiB);
    const Report r = runErasure(disk, test::optionsFor("zero"));
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.failureReason.find("stopped answering"), std::string::npos) << r.failureReason;
    EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{0, kMiB}}));
    ASSERT_EQ(r.passes.size(), 1u);
    EXPECT_EQ(r.passes[0].bytesWritten, kSize - kMiB);
    const auto bytes = test::readFile(file());
    EXPECT_EQ(test::firstNotEqual({bytes.begin() + kMiB, bytes.end()}, 0x00), -1);
}

// The same on a real device: a /dev/loopN over an nbdkit export pulled (every request EIO)
// before the job wrote anything. The job fails in its first chunk saying the device stopped
// answering; what it gave up on is that chunk, not the 64 MiB of sector-by-sector retries a
// dying disk gets (through nbdkit, over 30 seconds).
TEST(PulledDisk, PulledBeforeTheFirstWriteARealDeviceFailsAtOnce) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    ASSERT_TRUE(testsupport::PullableDisk::toolsPresent())
        << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
    testsupport::TempDir dir;
    testsupport::PullableDisk disk(dir.path(), 64 * kMiB);
    disk.pull();
    const Report r = test::erase(disk.path(), test::optionsFor("zero"));
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.failureReason.find("pass 1 of 1: the device stopped answering at byte 0 ("), 0u)
        << r.failureReason;
    EXPECT_EQ(r.errorRanges, (std::vector<ByteRange>{{0, 4 * kMiB}}));
    EXPECT_EQ(r.bytesWritten, 0u);
}

// A disk that is there but dying: every read from `from` on fails with EIO, the sectors before
// it read well. It is not taken for gone: its sectors are tried one by one, up to 64 MiB.
class UnreadableTailTarget : public test::ForwardingTarget {
  public:
    UnreadableTailTarget(std::unique_ptr<Target> inner, uint64_t from)
        : ForwardingTarget(std::move(inner)), from_(from) {}
    ssize_t readAt(uint8_t* d, std::size_t n, uint64_t at) override {
        return at + n > from_ ? -EIO : inner().readAt(d, n, at);
    }

  private:
    uint64_t from_;
};

TEST(DyingDevice, UnreadableSectorsAreRetriedOneByOneUpTo64MiB) {
    testsupport::TempDir dir;
    const std::string file = (dir / "dying.img").string();
    test::writeFilledFile(file, 80 * kMiB, 0x5C);
    UnreadableTailTarget disk(openTarget(file, OpenOptions{.allowRegularFile = true}), 4 * kMiB);
    auto options = test::optionsFor("zero");
    options.verify = VerifyMode::Full;
    const Report r = runErasure(disk, options);
    EXPECT_EQ(r.outcome, Outcome::Failed);
    EXPECT_EQ(r.failureReason,
              "verification: more than 64 MiB could not be read: the device is failing; destroy "
              "it");
    EXPECT_EQ(r.bytesVerified, 4 * kMiB);
    ASSERT_EQ(r.errorRanges.size(), 1u);
    EXPECT_EQ(r.errorRanges[0].offset, 4 * kMiB);
    EXPECT_GT(r.errorRanges[0].length, 64 * kMiB);
    EXPECT_LT(r.errorRanges[0].length, 76 * kMiB) << "stopped before the end";
}

// A device that takes every transfer in pieces (a short write or read, as a kernel may return
// one): the engine goes on where it stopped, and the whole device is erased and verified.
class ShortTransferTarget : public test::ForwardingTarget {
  public:
    explicit ShortTransferTarget(std::unique_ptr<Target> inner)
        : ForwardingTarget(std::move(inner)) {}
    ssize_t writeAt(const uint8_t* d, std::size_t n, uint64_t at) override {
        ++calls_;
        return inner().writeAt(d, piece(n), at);
    }
    ssize_t readAt(uint8_t* d, std::size_t n, uint64_t at) override {
        ++calls_;
        return inner().readAt(d, piece(n), at);
    }
    int calls() const { return calls_; }

  private:
    // Half of what was asked for, in whole sectors; at least one sector.
    std::size_t piece(std::size_t n) const {
        const std::size_t sector = logicalSector();
        return std::min(n, std::max(sector, n / 2 / sector * sector));
    }
    std::atomic<int> calls_{0};
};

TEST_F(VanishingDevice, ShortTransfersAreContinuedToTheEnd) {
    ShortTransferTarget disk(openTarget(file(), OpenOptions{.allowRegularFile = true}));
    auto options = test::optionsFor("random");
    options.verify = VerifyMode::Full;
    const Report r = runErasure(disk, options);
    EXPECT_EQ(r.outcome, Outcome::Erased) << r.failureReason;
    EXPECT_EQ(r.bytesWritten, kSize);
    EXPECT_EQ(r.bytesVerified, kSize);
    EXPECT_GT(disk.calls(), 2 * static_cast<int>(kSize / (4 * kMiB))) << "no short transfer";
    const auto bytes = test::readFile(file());
    EXPECT_LT(std::count(bytes.begin(), bytes.end(), 0x5C), static_cast<long>(kSize / 128));
}

}  // namespace
}  // namespace massho::erase
