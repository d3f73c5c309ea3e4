// The drive-command state machines against scripted fake drives: success, frozen, aborted
// commands, sense errors, a USB bridge, power loss mid-sanitize and the password cleanup path.

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "fake_drives.h"
#include "massho/erase/sanitize/drive_sanitize.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "sanitize_refusal.h"

namespace massho::erase::sanitize {
namespace {

using testing::FakeAtaDrive;
using testing::FakeNvme;

struct Recorder {
    DriveSanitizeOptions options;
    std::vector<DriveProgress> progress;
    int sleeps = 0;
    Recorder() {
        options.sleep = [this](std::chrono::milliseconds) { ++sleeps; };
        options.onProgress = [this](const DriveProgress& p) { progress.push_back(p); };
    }
};

SanitizeError::Kind refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const SanitizeError& e) {
        return e.kind();
    }
    ADD_FAILURE() << "no SanitizeError";
    return SanitizeError::Kind::Io;
}

TEST(AtaSecurityErase, SetsAOneTimePasswordErasesAndEndsWithSecurityOff) {
    FakeAtaDrive drive;
    Recorder r;
    const auto result = ataSecurityErase(drive, true, r.options);
    EXPECT_TRUE(result.succeeded) << result.failure;
    EXPECT_TRUE(drive.erased);
    EXPECT_EQ(drive.eraseMode, FakeAtaDrive::EraseMode::Enhanced);
    EXPECT_FALSE(drive.securityEnabled);
    EXPECT_EQ(drive.commands, (std::vector<uint8_t>{0xEC, 0xF1, 0xF3, 0xF4, 0xEC}));
    ASSERT_EQ(drive.passwordsSeen.size(), 2u);
    EXPECT_EQ(drive.passwordsSeen[0], drive.passwordsSeen[1]);
    EXPECT_EQ(drive.passwordsSeen[0].find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_TRUE(r.progress.back().estimated);  // ERASE UNIT reports no progress of its own
}

// The plain method must not ask for the enhanced mode (it may take far longer, or differ in what
// it erases): the drive sees the ENHANCED bit clear.
TEST(AtaSecurityErase, NormalEraseSendsTheNormalMode) {
    FakeAtaDrive drive;
    Recorder r;
    const auto result = ataSecurityErase(drive, false, r.options);
    EXPECT_TRUE(result.succeeded) << result.failure;
    EXPECT_EQ(drive.eraseMode, FakeAtaDrive::EraseMode::Normal);
}

// ERASE UNIT reports nothing while it runs: progress is the clock against IDENTIFY word 89 (here
// 4 minutes), marked as an estimate, never 100 % before the drive answers.
TEST(AtaSecurityErase, ProgressDuringEraseUnitIsAnEstimateFromTheClock) {
    FakeAtaDrive drive;
    std::mutex mutex;
    std::condition_variable seen;
    bool ticked = false;
    DriveSanitizeOptions options;
    options.pollInterval = std::chrono::milliseconds(1);
    std::vector<DriveProgress> progress;
    options.onProgress = [&](const DriveProgress& p) {
        std::lock_guard lock(mutex);
        progress.push_back(p);
        if (p.fraction > 0 && p.fraction < 1) ticked = true;
        seen.notify_all();
    };
    drive.duringEraseUnit = [&] {
        std::unique_lock lock(mutex);
        seen.wait_for(lock, std::chrono::seconds(30), [&] { return ticked; });
    };
    EXPECT_TRUE(ataSecurityErase(drive, false, options).succeeded);
    ASSERT_TRUE(ticked);
    for (const auto& p : progress) EXPECT_TRUE(p.estimated);
    EXPECT_EQ(progress.back().fraction, 1.0);
    EXPECT_LE(progress[progress.size() - 2].fraction, 0.99);
}

TEST(AtaSecurityErase, PasswordsDifferBetweenJobs) {
    FakeAtaDrive a, b;
    Recorder r;
    ataSecurityErase(a, false, r.options);
    ataSecurityErase(b, false, r.options);
    EXPECT_NE(a.passwordsSeen[0], b.passwordsSeen[0]);
}

TEST(AtaSecurityErase, FrozenDriveIsRefusedWithTheRemedyAndUntouched) {
    FakeAtaDrive drive;
    drive.frozen = true;
    Recorder r;
    EXPECT_EQ(testing::refusalOf([&] { ataSecurityErase(drive, false, r.options); }),
              testing::Refusal(SanitizeError::Kind::Frozen,
                               "the drive's security is frozen (set by the BIOS at power-on): "
                               "hot-unplug and replug the drive, or suspend and resume the "
                               "appliance, then try again"));
    EXPECT_EQ(drive.commands, std::vector<uint8_t>{0xEC});
}

TEST(AtaSecurityErase, AbortedEraseDisablesThePassword) {
    FakeAtaDrive drive;
    drive.abortEraseUnit = true;
    Recorder r;
    const auto result = ataSecurityErase(drive, false, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_EQ(result.failure,
              "SECURITY ERASE UNIT failed: the drive aborted it (ATA status 51h error 04h)");
    EXPECT_FALSE(drive.securityEnabled);
    EXPECT_EQ(drive.commands, (std::vector<uint8_t>{0xEC, 0xF1, 0xF3, 0xF4, 0xEC, 0xF6, 0xEC}));
    EXPECT_EQ(drive.passwordsSeen.back(), drive.passwordsSeen.front());
}

TEST(AtaSecurityErase, FailedCleanupNamesThePasswordAndTheRemedy) {
    FakeAtaDrive drive;
    drive.abortEraseUnit = true;
    drive.abortDisable = true;
    Recorder r;
    const auto result = ataSecurityErase(drive, false, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_TRUE(drive.securityEnabled);
    EXPECT_NE(result.failure.find(drive.passwordsSeen.front()), std::string::npos);
    EXPECT_NE(result.failure.find("--security-disable"), std::string::npos);
}

TEST(AtaSecurityErase, UsbBridgeWithoutPassThroughIsAnError) {
    FakeAtaDrive drive;
    drive.usbBridge = true;
    Recorder r;
    EXPECT_EQ(refusal([&] { ataSecurityErase(drive, false, r.options); }),
              SanitizeError::Kind::CommandFailed);
    EXPECT_EQ(drive.commands.size(), 1u);
}

TEST(AtaSanitize, PollsStatusUntilCompleteWithTheDrivesProgress) {
    FakeAtaDrive drive;
    drive.sanitizePolls = 3;
    Recorder r;
    const auto result = ataSanitize(drive, AtaSanitizeAction::BlockErase, r.options);
    EXPECT_TRUE(result.succeeded) << result.failure;
    EXPECT_TRUE(result.driveReportedProgress);
    EXPECT_EQ(drive.sanitizeFeatures, (std::vector<uint16_t>{0, 0x12, 0, 0, 0, 0}));
    EXPECT_EQ(r.sleeps, 3);
    ASSERT_GE(r.progress.size(), 4u);
    EXPECT_FALSE(r.progress.front().estimated);
    EXPECT_LT(r.progress.front().fraction, r.progress[2].fraction);
    EXPECT_EQ(r.progress.back().fraction, 1.0);
}

TEST(AtaSanitize, FrozenIsRefused) {
    FakeAtaDrive drive;
    drive.sanitizeFrozen = true;
    Recorder r;
    EXPECT_EQ(refusal([&] { ataSanitize(drive, AtaSanitizeAction::CryptoScramble, r.options); }),
              SanitizeError::Kind::Frozen);
    EXPECT_EQ(drive.sanitizeFeatures, std::vector<uint16_t>{0});
}

TEST(AtaSanitize, FailureDuringTheOperationIsReported) {
    FakeAtaDrive drive;
    drive.sanitizeFails = true;
    Recorder r;
    const auto result = ataSanitize(drive, AtaSanitizeAction::Overwrite, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_NE(result.failure.find("Sanitize Operation Failed"), std::string::npos);
}

TEST(AtaSanitize, UnsupportedActionIsRefused) {
    FakeAtaDrive drive;
    drive.identify[2 * 59 + 1] = 0x10;  // SANITIZE only, no sub-command
    Recorder r;
    EXPECT_EQ(refusal([&] { ataSanitize(drive, AtaSanitizeAction::BlockErase, r.options); }),
              SanitizeError::Kind::Unsupported);
}

TEST(NvmeFormat, CryptoRefusedWhenFnaSaysUnsupported) {
    FakeNvme nvme;  // FNA = 0 as in QEMU, which would accept SES=2 anyway
    Recorder r;
    EXPECT_EQ(refusal([&] { nvmeFormatErase(nvme, NvmeSecureErase::Crypto, r.options); }),
              SanitizeError::Kind::Unsupported);
    EXPECT_EQ(nvme.formats, 0);
}

TEST(NvmeFormat, UserDataEraseKeepsTheFormat) {
    FakeNvme nvme;
    nvme.flbas = 0x01;
    Recorder r;
    const auto result = nvmeFormatErase(nvme, NvmeSecureErase::UserData, r.options);
    EXPECT_TRUE(result.succeeded) << result.failure;
    ASSERT_EQ(nvme.formats, 1);
    const auto& format = nvme.commands[2];
    EXPECT_EQ(format.opcode, 0x80);
    EXPECT_EQ(format.nsid, 1u);
    EXPECT_EQ(format.cdw10, 0x201u);  // SES=1, LBAF 1 kept
}

TEST(NvmeFormat, CryptoEraseWhenSupported) {
    FakeNvme nvme;
    nvme.fna = 0x04;
    Recorder r;
    EXPECT_TRUE(nvmeFormatErase(nvme, NvmeSecureErase::Crypto, r.options).succeeded);
    EXPECT_EQ(nvme.commands[2].cdw10, 0x400u);
}

TEST(NvmeFormat, FailedFormatIsReportedWithTheStatus) {
    FakeNvme nvme;
    nvme.formatStatus = 0x010A;
    Recorder r;
    const auto result = nvmeFormatErase(nvme, NvmeSecureErase::UserData, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_NE(result.failure.find("Invalid Format"), std::string::npos);
}

TEST(NvmeSanitize, QemuControllerRefused) {
    FakeNvme nvme;
    Recorder r;
    EXPECT_EQ(refusal([&] { nvmeSanitize(nvme, NvmeSanitizeAction::CryptoErase, r.options); }),
              SanitizeError::Kind::Unsupported);
}

TEST(NvmeSanitize, PollsTheSanitizeLog) {
    FakeNvme nvme;
    nvme.sanicap = 0x3;
    nvme.sanitizePolls = 2;
    Recorder r;
    const auto result = nvmeSanitize(nvme, NvmeSanitizeAction::BlockErase, r.options);
    EXPECT_TRUE(result.succeeded) << result.failure;
    EXPECT_TRUE(result.driveReportedProgress);
    EXPECT_EQ(r.sleeps, 2);
    EXPECT_EQ(nvme.commands[2].opcode, 0x84);
    EXPECT_EQ(nvme.commands[2].cdw10, 0x2u);
    EXPECT_NE(result.steps.back().find("global data erased"), std::string::npos);
}

// The controller estimates a block erase at 60 s (Sanitize Status log): one that still runs after
// 60 s and a half plus 30 minutes of polls every 2 s ends failed, saying so; without an estimate
// the limit is a day (maxPolls).
TEST(NvmeSanitize, PollsForTheControllersOwnEstimateAndAMargin) {
    FakeNvme nvme;
    nvme.sanicap = 0x2;
    nvme.sanitizeEstimate = 60;
    nvme.sanitizePolls = 1'000'000;
    Recorder r;
    const auto result = nvmeSanitize(nvme, NvmeSanitizeAction::BlockErase, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_EQ(r.sleeps, (60 * 3 / 2 + 1800) / 2 + 1) << "polls every 2 s for 1890 s";
    EXPECT_EQ(result.failure,
              "Sanitize (SANACT=2 block erase) did not report completion within the "
              "controller's own estimate (60 s) and a half, plus 30 minutes: leave the drive "
              "powered and check its Sanitize Status log");
}

TEST(NvmeSanitize, PowerLossMidSanitizeEndsInFailureMode) {
    FakeNvme nvme;
    nvme.sanicap = 0x1;
    nvme.powerLossMidSanitize = true;
    Recorder r;
    const auto result = nvmeSanitize(nvme, NvmeSanitizeAction::CryptoErase, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_NE(result.failure.find("failure mode"), std::string::npos);
    EXPECT_NE(result.failure.find("run the same method again"), std::string::npos);
}

TEST(ScsiSanitize, ProgressFromRequestSense) {
    testing::ScriptedScsiDisk disk;
    disk.senseScript = {testing::fixedSense(0x2, 0x04, 0x1B, 0x4000),
                        testing::fixedSense(0x2, 0x04, 0x1B, 0xC000),
                        testing::fixedSense(0x0, 0x00, 0x00)};
    Recorder r;
    const auto result = scsiSanitize(disk, ScsiSanitizeAction::Overwrite, r.options);
    EXPECT_TRUE(result.succeeded) << result.failure;
    EXPECT_EQ(disk.cdbs[1][1], 0x81);
    EXPECT_EQ(disk.parameters.size(), 8u);
    ASSERT_EQ(r.progress.size(), 3u);
    EXPECT_DOUBLE_EQ(r.progress[0].fraction, 0.25);
    EXPECT_DOUBLE_EQ(r.progress[1].fraction, 0.75);
}

TEST(ScsiSanitize, SanitizeCommandFailedSense) {
    testing::ScriptedScsiDisk disk;
    disk.senseScript = {testing::fixedSense(0x3, 0x31, 0x03)};
    Recorder r;
    const auto result = scsiSanitize(disk, ScsiSanitizeAction::BlockErase, r.options);
    EXPECT_FALSE(result.succeeded);
    EXPECT_NE(result.failure.find("MEDIUM ERROR (asc 31h ascq 03h)"), std::string::npos);
}

TEST(ScsiSanitize, UnsupportedIsRefused) {
    testing::ScriptedScsiDisk disk;
    disk.sanitizeSupported = false;
    Recorder r;
    EXPECT_EQ(refusal([&] { scsiSanitize(disk, ScsiSanitizeAction::CryptoErase, r.options); }),
              SanitizeError::Kind::Unsupported);
    EXPECT_EQ(disk.cdbs.size(), 1u);
}

}  // namespace
}  // namespace massho::erase::sanitize
