// "Erase this medium" without the command line: check() refuses before anything is written,
// run() ends in one Outcome naming the `erasure` entry, and a cancelled job is recorded as such.
// A disk image file stands in for the medium (allowRegularFile, as the demo does).
#include "massho/operations/erasure_operation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <random>

#include "fake_drives.h"
#include "massho/operations/erasure_job.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/policy_errors.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/stalling_disk.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

constexpr size_t kImageBytes = 1024 * 1024;

std::vector<char> randomBytes(size_t n) {
    std::vector<char> bytes(n);
    // A fixed seed on purpose: the same bytes every run, so that a failure can be repeated.
    std::mt19937_64 rng(7);  // NOLINT(cert-msc51-cpp)
    for (auto& b : bytes) b = static_cast<char>(rng());
    return bytes;
}

class ErasureOperationTest : public ::testing::Test {
  protected:
    ErasureOperationTest()
        : store(records::Store::create(tmp / "data", "test.example/erasure", "admin", "",
                                       "erasure-test-password-1")) {
        std::ofstream(image, std::ios::binary).write(original.data(), kImageBytes);
    }

    // What a person at the appliance gives: an image, a class-4 reuse (no approval needed),
    // a new asset tag (the medium is registered by the erasure).
    ErasureInput input(const std::string& methodId) const {
        ErasureInput in;
        in.devicePath = image.string();
        in.methodId = methodId;
        in.purpose = "reuse";
        in.infoClass = 4;
        in.assetTag = "IMG-0001";
        in.operatorId = "sato";
        in.allowRegularFile = true;
        in.protectedPaths.push_back(tmp / "data");
        return in;
    }
    std::vector<char> imageBytes() const {
        std::ifstream in(image, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    records::EntryFields entry(uint64_t index) {
        return records::parseEntry(store.signedRegister().entry(index));
    }

    testsupport::TempDir tmp;
    records::Store store;
    std::filesystem::path image = tmp / "medium.img";
    std::vector<char> original = randomBytes(kImageBytes);
};

TEST_F(ErasureOperationTest, UnknownMethodIsBadInputAndNothingIsWritten) {
    const uint64_t entriesBefore = store.signedRegister().size();
    ErasureOperation operation(store, input("shred-it-all"));
    try {
        operation.check();
        FAIL() << "an unknown method was accepted";
    } catch (const OperationError& e) {
        EXPECT_EQ(e.category(), base::ErrorCategory::BadInput);
        EXPECT_STREQ(e.what(), "unknown method 'shred-it-all': 'massho methods' lists them");
    }
    EXPECT_EQ(store.signedRegister().size(), entriesBefore);
    EXPECT_EQ(imageBytes(), original);
}

TEST_F(ErasureOperationTest, ErasedMediumIsDoneAndRecordedInOneErasureEntry) {
    ErasureOperation operation(store, input("zero"));
    operation.check();
    EXPECT_EQ(operation.assetTag(), "IMG-0001");
    std::vector<std::string> steps;
    ProgressSink progress([&](const ProgressUpdate& u) { steps.push_back(u.step); });
    const CancelToken cancel;
    const Outcome outcome = operation.run(progress, cancel);

    EXPECT_EQ(outcome.kind, OutcomeKind::Done) << outcome.message;
    ASSERT_TRUE(outcome.registerIndex);
    EXPECT_EQ(*outcome.registerIndex, operation.result().registerIndex);
    EXPECT_EQ(*outcome.registerIndex + 1, store.signedRegister().size());  // the last entry
    EXPECT_EQ(store.signedRegister().entry(*outcome.registerIndex), operation.result().entry);
    const auto erasure = entry(*outcome.registerIndex);
    EXPECT_EQ(records::entryText(erasure, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erasure, "result"), "erased");
    EXPECT_EQ(records::entryText(erasure, "asset"), "IMG-0001");
    EXPECT_EQ(records::entryText(erasure, "operator"), "sato");
    // The medium was not in the ledger: this erasure registered it, and its entry says so.
    ASSERT_TRUE(operation.mediumEntry());
    EXPECT_EQ(records::entryText(entry(*operation.mediumEntry()), "kind"), "medium-registered");
    EXPECT_NE(operation.result().entry.find("\"medium_entry\":" +
                                            std::to_string(*operation.mediumEntry())),
              std::string::npos);
    EXPECT_EQ(outcome.message, "erased and verified (sample); register entry " +
                                   std::to_string(*outcome.registerIndex));
    // The step began before the engine's first report.
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.front(), "erasing");
    const auto bytes = imageBytes();
    EXPECT_EQ(bytes.size(), kImageBytes);
    EXPECT_TRUE(std::all_of(bytes.begin(), bytes.end(), [](char b) { return b == 0; }));
}

// A lease return of a medium the ledger knows no lease for is refused in check(), before the
// approval is looked at and before anything is written: the command line and the service both
// get it, the same way.
TEST_F(ErasureOperationTest, LeaseReturnWithoutALeaseIsRefusedBeforeAnythingIsWritten) {
    const uint64_t entriesBefore = store.signedRegister().size();
    ErasureInput in = input("zero");
    in.purpose = "lease-return";
    ErasureOperation operation(store, in);
    try {
        operation.check();
        FAIL() << "a lease return of a medium without a lease was accepted";
    } catch (const OperationError& e) {
        EXPECT_EQ(e.category(), base::ErrorCategory::Refused);
        EXPECT_NE(std::string(e.what()).find("IMG-0001 is not in the media ledger, and a medium "
                                             "registered by an erasure has no lease"),
                  std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("--lessor NAME"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store.signedRegister().size(), entriesBefore) << "no registration, no refusal entry";
    EXPECT_EQ(imageBytes(), original);
}

// A device that stops responding mid-pass, for real: testsupport::StallingDisk holds every write
// from 4 MiB on, so the engine's write there never returns. Before the stall watchdog the job
// (and the register) waited for ever; now it ends failed after the stall timeout the data
// directory's massho.conf sets ([devices] stall_seconds, read when the store is opened), the
// `erasure` entry closes the started one with the reason and the range it stopped in, and the
// outcome the command line and the kiosk show says so.
TEST_F(ErasureOperationTest, ADeviceThatStopsRespondingEndsFailedAndIsRecordedSo) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    ASSERT_TRUE(testsupport::StallingDisk::toolsPresent())
        << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
    constexpr uint64_t kMiB = 1u << 20;
    testsupport::StallingDisk disk(tmp.path(), 16 * kMiB);
    disk.stallWritesFrom(4 * kMiB);
    std::ofstream(tmp / "data" / "massho.conf") << "[devices]\nstall_seconds = 5\n";
    records::Store configured = records::Store::open(tmp / "data");
    ASSERT_EQ(configured.config().stallTimeout, std::chrono::seconds(5));
    ErasureInput in = input("zero");
    in.devicePath = disk.path();
    in.allowRegularFile = false;
    in.assetTag = "LOOP-0001";
    ErasureOperation operation(configured, in);
    ProgressSink progress;
    const CancelToken cancel;
    const Outcome outcome = operation.run(progress, cancel);

    EXPECT_TRUE(disk.writeWaiting());
    EXPECT_EQ(outcome.kind, OutcomeKind::Failed) << outcome.message;
    ASSERT_TRUE(outcome.registerIndex);
    const auto entryAt = [&](uint64_t index) {
        return records::parseEntry(configured.signedRegister().entry(index));
    };
    const auto erasure = entryAt(*outcome.registerIndex);
    EXPECT_EQ(records::entryText(erasure, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erasure, "result"), "failed");
    const std::string reason =
        "pass 1 of 1: the device stopped responding at offset 4194304 (a write of 4194304 bytes "
        "there had no answer in 5 s; 4194304 bytes of this pass were written): the job was "
        "abandoned";
    EXPECT_EQ(records::entryText(erasure, "failure").rfind(reason, 0), 0u)
        << records::entryText(erasure, "failure");
    EXPECT_EQ(records::entryText(erasure, "error_ranges"), "4194304+4194304");
    EXPECT_EQ(records::entryInteger(erasure, "bytes_written"), 4 * 1048576);
    EXPECT_EQ(records::entryText(erasure, "nist_level"), "none");
    EXPECT_EQ(records::entryText(
                  entryAt(static_cast<uint64_t>(records::entryInteger(erasure, "started_entry"))),
                  "kind"),
              "erasure-started");
    EXPECT_EQ(*outcome.registerIndex + 1, configured.signedRegister().size()) << "the last entry";
    EXPECT_NE(outcome.message.find(" FAILED: " + reason), std::string::npos) << outcome.message;
    EXPECT_NE(outcome.message.find("the medium is NOT erased"), std::string::npos);
    disk.release();
}

// A stall timeout that is not a number of seconds from 5 to 3600 never reaches a job: the data
// directory cannot be opened, and the message names the file, the line and the range.
TEST_F(ErasureOperationTest, AStallTimeoutOutOfBoundsIsRefusedWithItsLine) {
    const auto openWith = [&](const std::string& value) {
        std::ofstream(tmp / "data" / "massho.conf")
            << "[devices]\nprobe = yes\nstall_seconds = " << value << "\n";
        try {
            records::Store::open(tmp / "data");
        } catch (const records::ConfigError& e) {
            return std::string(e.what());
        }
        return std::string("opened");
    };
    const std::string file = (tmp / "data" / "massho.conf").string();
    for (const std::string value : {"0", "-5", "4", "3601", "18446744073709551616", "sixty", "60s"})
        EXPECT_EQ(openWith(value),
                  file + ":3: \"" + value + "\" is not a whole number from 5 to 3600");
    EXPECT_EQ(openWith("3600"), "opened");
}

// A drive command that has no answer: the drive (a scripted ATA drive: hardware that cannot exist
// here) stops answering SECURITY ERASE PREPARE, with its one-time password set. The job ends
// failed after the stall timeout; the `erasure` entry closes the started one saying which command
// and the password, with the drive steps seen until then; once the drive answers, the job's thread
// removes the password.
TEST_F(ErasureOperationTest, ADriveCommandWithoutAnAnswerEndsFailedAndIsRecordedSo) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::LoopDevice loop(tmp / "drive.img", 8u << 20);
    auto drive = std::make_shared<erase::sanitize::testing::FakeAtaDrive>();
    auto gate = std::make_shared<erase::sanitize::testing::Gate>();
    drive->beforeAnswer = [gate](uint8_t command) {
        if (command == 0xF3) gate->wait();  // SECURITY ERASE PREPARE
    };
    ErasureJobInput in;
    in.devicePath = loop.path();
    in.method = erase::findMethod("ata-secure-erase");
    in.protectedPaths.push_back(tmp / "data");
    in.context.operatorId = "sato";
    in.context.purpose = "reuse";
    in.context.assetTag = "SSD-0001";
    in.stallTimeout = std::chrono::seconds(1);
    in.openDrive = [drive](const MediumDescription&, const erase::Method&) {
        return erase::sanitize::DriveHandles{
            std::make_unique<erase::sanitize::testing::SgIoLink>(drive), nullptr};
    };
    ErasureJob job(store.signedRegister(), std::move(in));
    const ErasureJobResult result = job.run(nullptr, {});
    gate->open();  // the drive answers again, whatever was asserted below

    EXPECT_EQ(result.report.outcome, erase::Outcome::Failed);
    const auto erasure = entry(result.registerIndex);
    EXPECT_EQ(records::entryText(erasure, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erasure, "result"), "failed");
    EXPECT_EQ(records::entryText(erasure, "failure")
                  .rfind("drive command: the drive did not answer SECURITY ERASE PREPARE in 1 s: "
                         "the job was abandoned and the device stays held until it answers or is "
                         "unplugged; the drive may keep the one-time password ",
                         0),
              0u)
        << records::entryText(erasure, "failure");
    EXPECT_EQ(records::entryText(erasure, "drive_steps"),
              "16 marker blocks written and read back; drive command: the drive did not answer "
              "SECURITY ERASE PREPARE in 1 s");
    EXPECT_EQ(records::entryText(erasure, "drive_markers"), "0 of 16 changed");
    EXPECT_EQ(records::entryText(erasure, "nist_level"), "none");
    EXPECT_EQ(
        records::entryText(
            entry(static_cast<uint64_t>(records::entryInteger(erasure, "started_entry"))), "kind"),
        "erasure-started");
    EXPECT_EQ(result.registerIndex + 1, store.signedRegister().size()) << "the last entry";
    ASSERT_TRUE(erase::waitForAbandonedJobs(std::chrono::seconds(10)));
    EXPECT_FALSE(drive->securityEnabled) << "the password was removed when the drive answered";
}

TEST_F(ErasureOperationTest, CancelledJobIsInterruptedAndRecordedAsCancelled) {
    ErasureOperation operation(store, input("zero"));
    ProgressSink progress;
    CancelToken cancel;
    cancel.request();  // asked before the first chunk: stopped there
    const Outcome outcome = operation.run(progress, cancel);

    EXPECT_EQ(outcome.kind, OutcomeKind::Interrupted) << outcome.message;
    ASSERT_TRUE(outcome.registerIndex);
    const auto erasure = entry(*outcome.registerIndex);
    EXPECT_EQ(records::entryText(erasure, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erasure, "result"), "cancelled");
    EXPECT_EQ(records::entryText(erasure, "nist_level"), "none");
    EXPECT_NE(outcome.message.find("the medium is NOT erased"), std::string::npos)
        << outcome.message;
}

}  // namespace
}  // namespace massho::operations
