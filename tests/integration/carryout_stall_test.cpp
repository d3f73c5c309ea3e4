// A carry-out medium that stops answering after its erasure, for real: testsupport::StallingDisk
// (nbdkit's sh plugin behind nbdfuse and a direct-I/O loop device) holds every write from the
// moment the formatting or the writing step begins. Before the watchdog covered those steps, the
// carry-out (and its `carry-out-started` entry) waited for as long as the medium did; now it ends
// failed after the stall timeout, saying the step and how far it got, recorded as the
// `carry-out` entry closing the started one.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "class_three_carry_out.h"
#include "massho/erase/erasure.h"
#include "massho/image/fat_medium.h"
#include "massho/image/package.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/carryout_medium_writing.h"
#include "massho/operations/carryout_operation.h"
#include "massho/operations/job_journal.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/stalling_disk.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
constexpr uint64_t kMiB = 1u << 20;
constexpr uint64_t kFileBytes = 300'000;

// Releases the disk if the carry-out has not returned by then, so that a carry-out that waits on
// the medium (as it did before the watchdog covered these steps) fails the test instead of
// hanging it, and leaves nothing behind.
class ReleaseIfStillWaiting {
  public:
    explicit ReleaseIfStillWaiting(const testsupport::StallingDisk& disk)
        : thread_([this, &disk] {
              std::unique_lock lock(mutex_);
              if (!returned_.wait_for(lock, 40s, [this] { return done_; })) {
                  hung_ = true;
                  disk.release();
              }
          }) {}
    ~ReleaseIfStillWaiting() { stop(); }
    // The carry-out returned: true when it had to be released to.
    bool stop() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        returned_.notify_all();
        if (thread_.joinable()) thread_.join();
        return hung_;
    }

  private:
    std::mutex mutex_;
    std::condition_variable returned_;
    bool done_ = false, hung_ = false;
    std::thread thread_;
};

class CarryOutStallTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        ASSERT_TRUE(testsupport::StallingDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        fs::create_directories(share);
        std::ofstream(share / "records.txt", std::ios::binary) << std::string(kFileBytes, 'r');
        disk = std::make_unique<testsupport::StallingDisk>(tmp.path(), 48 * kMiB);
    }
    void TearDown() override {
        if (!disk) return;
        disk->release();
        EXPECT_TRUE(erase::waitForAbandonedJobs(30s))
            << "the carry-out's thread and tools ended once the medium answered";
    }

    // Runs the carry-out with a 2 s stall timeout; holds every write once `step` begins.
    Outcome carryOutStallingAt(const std::string& step) {
        CarryOutInput request = classThreeCarryOut(disk->path(), {share / "records.txt"}, share,
                                                   tmp / "data", "test/stall");
        request.assetTag = "USB-9";
        request.stallTimeout = 2s;
        CarryOutOperation operation(store.signedRegister(), std::move(request));
        ProgressSink progress([&](const ProgressUpdate& p) {
            if (!stalled && p.step == step) {
                disk->stallWritesFrom(0);
                stalled = true;
            }
        });
        operation.check();
        started = store.signedRegister().size();
        ReleaseIfStillWaiting watchdog(*disk);
        Outcome outcome = operation.run(progress, CancelToken());
        EXPECT_FALSE(watchdog.stop())
            << "the carry-out waited on the stalled medium until the test released it";
        return outcome;
    }

    records::EntryFields lastEntry() {
        return records::parseEntry(store.signedRegister().entry(store.signedRegister().size() - 1));
    }

    // The outcome and the last entry: a failed `carry-out` closing the started one, whose reason
    // begins with `reason`.
    void expectRecordedFailure(const Outcome& outcome, const std::string& reason) {
        EXPECT_TRUE(stalled);
        EXPECT_TRUE(disk->writeWaiting()) << "a write reached the disk and was held";
        EXPECT_EQ(outcome.kind, OutcomeKind::Failed);
        EXPECT_EQ(outcome.message.rfind("carry-out FAILED: " + reason, 0), 0u) << outcome.message;
        EXPECT_EQ(outcome.registerIndex, store.signedRegister().size() - 1);
        const auto last = lastEntry();
        EXPECT_EQ(records::entryText(last, "kind"), "carry-out");
        EXPECT_EQ(records::entryText(last, "result"), "failed");
        EXPECT_EQ(records::entryText(last, "failure").rfind(reason, 0), 0u)
            << records::entryText(last, "failure");
        EXPECT_NE(records::entryText(last, "failure")
                      .find("nothing moved on it for 2 s; the carry-out was given up"),
                  std::string::npos)
            << records::entryText(last, "failure");
        EXPECT_EQ(records::entryIntegerOr(last, "started_entry", -1),
                  static_cast<int64_t>(started));
        EXPECT_EQ(
            records::entryText(records::parseEntry(store.signedRegister().entry(started)), "kind"),
            "carry-out-started");
        const auto erasure = records::parseEntry(store.signedRegister().entry(
            static_cast<uint64_t>(records::entryIntegerOr(last, "erasure_index", -1))));
        EXPECT_EQ(records::entryText(erasure, "result"), "erased") << "the erasure itself was done";
        EXPECT_TRUE(JobJournal(store.signedRegister()).reconcile().empty()) << "no job left open";
    }

    testsupport::TempDir tmp;
    records::Store store =
        records::Store::create(tmp / "data", "test/stall", "admin", "Admin", "admin-passphrase-1");
    fs::path share = tmp / "share";
    std::unique_ptr<testsupport::StallingDisk> disk;
    bool stalled = false;
    uint64_t started = 0;
};

// sfdisk's partition table never reaches the medium: the formatting step ends the carry-out.
TEST_F(CarryOutStallTest, AMediumThatStopsAnsweringWhileFormattedEndsTheCarryOutFailed) {
    const Outcome outcome = carryOutStallingAt("formatting");
    expectRecordedFailure(outcome, "the medium stopped responding while it was being formatted: ");
}

// The package goes into mcopy and the kernel's cache, and the medium takes none of it: the
// carry-out ends failed in the writing step, saying how much of the files had been written.
TEST_F(CarryOutStallTest, AMediumThatStopsAnsweringWhileThePackageIsWrittenEndsItFailed) {
    const Outcome outcome = carryOutStallingAt("writing");
    expectRecordedFailure(outcome,
                          "the medium stopped responding while the package was written, "
                          "after ");
    EXPECT_NE(outcome.message.find(" bytes of " + std::to_string(kFileBytes) + ": "),
              std::string::npos)
        << outcome.message;
}

// Over 32 GiB the medium is exFAT, and the package is written and read back by this process
// straight on the device, not by mcopy: the thread stuck there is the carry-out's own. The steps
// after the erasure alone (writeCarryOutMedium), on a sparse 33 GiB disk: erasing it through
// nbdkit would take far too long.
class CarryOutStallExfatTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        ASSERT_TRUE(testsupport::StallingDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        fs::create_directories(tmp / "share");
        disk = std::make_unique<testsupport::StallingDisk>(tmp.path(), kBytes);
        ASSERT_EQ(image::maxFileBytes(disk->path(), kBytes), UINT64_MAX)
            << "the medium is to be exFAT (mkfs.exfat and tune.exfat installed, 512-byte sectors)";
    }
    void TearDown() override {
        if (!disk) return;
        disk->release();
        EXPECT_TRUE(erase::waitForAbandonedJobs(30s))
            << "the stuck thread ended once the disk answered";
    }

    // Formats, writes a package of `fileBytes` of files and reads it back, with a 2 s stall
    // timeout; `stall` is called when the first report of `step` arrives. Returns the failure.
    std::string stepsStallingAt(const std::string& step, uint64_t fileBytes,
                                const std::function<void()>& stall) {
        std::ofstream(tmp / "share" / "records.txt", std::ios::binary)
            << std::string(fileBytes, 'r');
        MediumWriting writing;
        writing.device = disk->path();
        writing.deviceBytes = kBytes;
        writing.packageName = "MASSHO-20261203-0000EXFA.tar.age";
        writing.readme = "README\n";
        writing.plan = image::planPackage({tmp / "share" / "records.txt"});
        writing.recipients = {image::X25519Identity::generate().recipient()};
        writing.stallTimeout = 2s;
        ProgressSink progress([&](const ProgressUpdate& p) {
            if (!stalled && p.step == step) {
                stall();
                stalled = true;
            }
        });
        progress.setSteps({{"formatting", 1}, {"writing", 3}, {"checking", 1}});
        std::string failure;
        ReleaseIfStillWaiting watchdog(*disk);
        try {
            writeCarryOutMedium(std::move(writing), progress, CancelToken(), written);
        } catch (const OperationError& e) {
            failure = e.what();
        }
        EXPECT_FALSE(watchdog.stop())
            << "the steps waited on the stalled medium until the test released it";
        EXPECT_TRUE(stalled);
        EXPECT_FALSE(written.package.has_value());
        EXPECT_EQ(written.volumeId.size(), 9u)
            << "formatted before it stalled: " << written.volumeId;
        return failure;
    }

    static constexpr uint64_t kBytes = 33ull << 30;
    testsupport::TempDir tmp;
    std::unique_ptr<testsupport::StallingDisk> disk;
    MediumWritten written;
    bool stalled = false;
};

TEST_F(CarryOutStallExfatTest, AnExfatMediumThatStopsAnsweringWhileWrittenEndsTheStepsFailed) {
    const std::string failure =
        stepsStallingAt("writing", kFileBytes, [this] { disk->stallWritesFrom(0); });
    EXPECT_TRUE(disk->writeWaiting()) << "a write reached the disk and was held";
    EXPECT_EQ(
        failure.rfind("the medium stopped responding while the package was written, after ", 0), 0u)
        << failure;
    EXPECT_NE(failure.find(" bytes of " + std::to_string(kFileBytes) +
                           ": nothing moved on it for 2 s; the carry-out was given up"),
              std::string::npos)
        << failure;
}

// The package is read back a MiB at a time; after the first, every read waits (and what the
// kernel cached of the medium is dropped, so the next one reaches it).
TEST_F(CarryOutStallExfatTest, AnExfatMediumThatStopsAnsweringWhileReadBackEndsTheStepsFailed) {
    const std::string failure = stepsStallingAt("checking", 3 * kMiB, [this] { disk->stall(); });
    EXPECT_TRUE(disk->readWaiting()) << "a read reached the disk and was held";
    EXPECT_EQ(failure.rfind("the medium stopped responding while the package was read back, after "
                            "1048576 bytes of ",
                            0),
              0u)
        << failure;
    EXPECT_NE(failure.find(": nothing moved on it for 2 s; the carry-out was given up"),
              std::string::npos)
        << failure;
}

}  // namespace
}  // namespace massho::operations
