// A drive that stops answering a drive command (a wedged USB bridge, a hung firmware) while a
// hardware erasure runs under the stall watchdog: the job ends as failed, naming the command and
// how long it was given, and what it left on the drive; when the drive answers again, the job's
// thread sends only what undoes that (the ATA password), closes the device and ends. A command
// that runs long within its own time, and a sanitize whose status polls keep answering, are not
// given up. The drives are the scripted fakes (fake_drives.h); the hang is a command that waits
// until the test lets it answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "erase_fixtures.h"
#include "fake_drives.h"
#include "massho/erase/sanitize/hardware_erasure.h"

namespace massho::erase::sanitize {
namespace {

using namespace std::chrono_literals;
constexpr uint64_t kSize = 8u << 20;

struct Medium : test::DriveMedium {
    Medium() : DriveMedium(kSize) {}
};

// A fake drive's options with a stall timeout short enough for a test.
HardwareErasureOptions watchedOptions() {
    HardwareErasureOptions o = testing::fakeDriveOptions();
    o.stallTimeout = 1s;
    return o;
}

// Lets a command still held at the gate answer when the test ends, even after a failed
// assertion, and waits for the job's thread, so that nothing outlives the test.
struct Released {
    std::shared_ptr<testing::Gate> gate = std::make_shared<testing::Gate>();
    ~Released() {
        gate->open();
        waitForAbandonedJobs(10s);
    }
};

DriveHandles ata(const std::shared_ptr<testing::FakeAtaDrive>& drive) {
    return {std::make_unique<testing::SgIoLink>(drive), nullptr};
}

// SECURITY ERASE PREPARE never answers: the one-time password is already set. The job ends
// failed at once after the stall timeout, saying which command and the password; the drive keeps
// the password only until it answers, when the job's thread removes it and sends nothing else.
TEST(StalledDrive, ASecureEraseThatStopsAnsweringEndsFailedAndItsPasswordIsRemovedLater) {
    Medium medium;
    Released released;
    auto drive = std::make_shared<testing::FakeAtaDrive>();
    drive->beforeAnswer = [gate = released.gate](uint8_t command) {
        if (command == 0xF3) gate->wait();  // SECURITY ERASE PREPARE
    };
    HardwareErasureOptions options = watchedOptions();
    options.drive.randomBytes = [](std::span<uint8_t> b) { std::fill(b.begin(), b.end(), 0xAB); };
    const Method& method = *findMethod("ata-secure-erase");
    const HardwareOutcome out = runHardwareErasure(medium.open(), method, ata(drive), options);

    ASSERT_TRUE(released.gate->reached());
    std::string pw;  // the one-time password: the hex of 16 bytes 0xAB
    for (int i = 0; i < 16; ++i) pw += "ab";
    EXPECT_EQ(out.report.outcome, Outcome::Failed);
    EXPECT_EQ(out.report.failureReason,
              "drive command: the drive did not answer SECURITY ERASE PREPARE in 1 s: the job was "
              "abandoned and the device stays held until it answers or is unplugged; the drive "
              "may keep the one-time password " +
                  pw +
                  " until then: Massho removes it (SECURITY DISABLE PASSWORD) as soon as the "
                  "drive answers; if the drive is unplugged before that, remove it with `hdparm "
                  "--user-master u --security-disable " +
                  pw + " DEVICE` before the drive is used again");
    ASSERT_EQ(out.report.passes.size(), 1u);
    EXPECT_EQ(out.report.passes[0].description, "drive command: " + method.name);
    EXPECT_EQ(out.report.verifyResult, VerifyResult::NotRun);
    EXPECT_EQ(out.evidence.steps,
              (std::vector<std::string>{
                  "16 marker blocks written and read back",
                  "drive command: the drive did not answer SECURITY ERASE PREPARE in 1 s"}));
    EXPECT_EQ(out.evidence.markersWritten, 16);
    EXPECT_TRUE(drive->securityEnabled) << "the drive holds the password while it hangs";

    released.gate->open();
    ASSERT_TRUE(waitForAbandonedJobs(10s)) << "the job's thread ended once the drive answered";
    EXPECT_FALSE(drive->securityEnabled) << "the password was removed when the drive answered";
    EXPECT_FALSE(drive->erased);
    const std::vector<uint8_t> afterHang(
        std::find(drive->commands.begin(), drive->commands.end(), 0xF3) + 1, drive->commands.end());
    EXPECT_EQ(afterHang, (std::vector<uint8_t>{0xEC, 0xF6, 0xEC}))
        << "IDENTIFY, SECURITY DISABLE PASSWORD, IDENTIFY: no ERASE UNIT after the job was given "
           "up";
}

// SECURITY ERASE UNIT runs for as long as the drive says it takes (IDENTIFY word 89: 2 minutes,
// with a margin): longer than the stall timeout is not a hang.
TEST(StalledDrive, ACommandThatRunsLongerThanTheStallTimeoutWithinItsOwnTimeIsNotGivenUp) {
    Medium medium;
    auto drive = std::make_shared<testing::FakeAtaDrive>();
    drive->duringEraseUnit = [&] {
        std::this_thread::sleep_for(1500ms);
        medium.overwrite(0x00);
    };
    const HardwareOutcome out = runHardwareErasure(medium.open(), *findMethod("ata-secure-erase"),
                                                   ata(drive), watchedOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Erased) << out.report.failureReason;
    EXPECT_TRUE(drive->erased);
    EXPECT_FALSE(drive->securityEnabled);
    EXPECT_EQ(out.evidence.markersChanged, 16);
}

// A sanitize runs in the drive's background; each SANITIZE STATUS poll is answered. Together they
// take several stall timeouts, each one much less: the job goes on until the drive says done.
TEST(StalledDrive, ASanitizeWhosePollsKeepAnsweringRunsPastTheStallTimeout) {
    Medium medium;
    auto drive = std::make_shared<testing::FakeAtaDrive>();
    drive->sanitizePolls = 8;
    drive->beforeAnswer = [&](uint8_t command) {
        if (command != 0xB4) return;
        std::this_thread::sleep_for(250ms);
        if (drive->sanitizeFeatures.size() == 10)  // the poll after the last "in progress"
            medium.overwrite(0x00);
    };
    const HardwareOutcome out = runHardwareErasure(medium.open(), *findMethod("ata-sanitize-block"),
                                                   ata(drive), watchedOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Erased) << out.report.failureReason;
    EXPECT_TRUE(out.evidence.driveReportedProgress);
    EXPECT_GE(drive->sanitizeFeatures.size(), 11u) << "11 answers of 250 ms: 2.75 s in all";
}

// NVMe Sanitize: the Sanitize Status log page stops answering mid-sanitize. Nothing is left to
// undo on an NVMe drive: the reason says to unplug it and erase it again.
TEST(StalledDrive, AnNvmeSanitizeStatusThatStopsAnsweringEndsFailed) {
    Medium medium;
    Released released;
    auto nvme = std::make_shared<testing::FakeNvme>();
    nvme->sanicap = 0x2;  // block erase
    int logReads = 0;
    nvme->beforeAnswer = [&logReads, gate = released.gate](uint8_t opcode) {
        if (opcode == 0x02 && ++logReads == 2) gate->wait();  // the first poll after Sanitize
    };
    const HardwareOutcome out = runHardwareErasure(
        medium.open(), *findMethod("nvme-sanitize-block"),
        DriveHandles{nullptr, std::make_unique<testing::NvmeLink>(nvme)}, watchedOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Failed);
    EXPECT_EQ(out.report.failureReason,
              "drive command: the drive did not answer Get Log Page (Sanitize Status) in 1 s: the "
              "job was abandoned and the device stays held until it answers or is unplugged; "
              "unplug it, reconnect it and erase it again, or destroy it if this happens again");
    released.gate->open();
    ASSERT_TRUE(waitForAbandonedJobs(10s));
    EXPECT_EQ(nvme->commands.back().opcode, 0x02) << "nothing sent after the job was given up";
}

}  // namespace
}  // namespace massho::erase::sanitize
