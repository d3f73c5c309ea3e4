// Hardware erasure end to end against a fake drive whose "media" is a real file: marker blocks
// before, the drive command, markers and sampled content after; and the capability probe that
// decides which methods a drive is offered.

#include "massho/erase/sanitize/hardware_erasure.h"

#include <gtest/gtest.h>

#include <fstream>

#include "erase_fixtures.h"
#include "fake_drives.h"
#include "massho/erase/sanitize/capabilities.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "sanitize_refusal.h"

namespace massho::erase::sanitize {
namespace {

constexpr uint64_t kSize = 8u << 20;

struct Medium : test::DriveMedium {
    Medium() : DriveMedium(kSize) {}
};

TEST(HardwareErasure, FormatUserDataErasesAndVerificationProvesIt) {
    Medium medium;
    testing::FakeNvme nvme;
    nvme.onFormat = [&] { medium.overwrite(0x00); };
    auto target = medium.open();
    const auto out = runHardwareErasure(*target, *findMethod("nvme-format-user-data"),
                                        DriveChannels{nullptr, &nvme}, testing::fakeDriveOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Erased) << out.report.failureReason;
    EXPECT_EQ(out.report.verifyResult, VerifyResult::Passed);
    EXPECT_EQ(out.evidence.markersWritten, 16);
    EXPECT_EQ(out.evidence.markersChanged, 16);
    EXPECT_GT(out.evidence.zeroBlocks, 100u);
    EXPECT_EQ(out.evidence.otherBlocks, 0u);
    EXPECT_EQ(test::firstNotEqual(test::readFile(medium.path), 0x00), -1);
}

TEST(HardwareErasure, DriveThatReportsSuccessButKeepsDataFails) {
    Medium medium;
    testing::FakeNvme nvme;  // no onFormat: the command "succeeds", nothing changes
    auto target = medium.open();
    const auto out = runHardwareErasure(*target, *findMethod("nvme-format-user-data"),
                                        DriveChannels{nullptr, &nvme}, testing::fakeDriveOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Failed);
    EXPECT_EQ(out.evidence.markersChanged, 0);
    EXPECT_EQ(out.report.firstMismatchOffset, 0u);
    EXPECT_NE(out.report.failureReason.find("did not happen"), std::string::npos);
}

// A crypto erase leaves unreadable noise: Purge only because the command succeeded AND every
// marker changed.
TEST(HardwareErasure, CryptoEraseCountsWhenMarkersChanged) {
    Medium medium;
    testing::FakeNvme nvme;
    nvme.fna = 0x04;
    nvme.onFormat = [&] {
        std::vector<uint8_t> noise(kSize);
        for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<uint8_t>(i * 131);
        std::ofstream(medium.path, std::ios::binary)
            .write(reinterpret_cast<const char*>(noise.data()),
                   static_cast<std::streamsize>(noise.size()));
    };
    auto target = medium.open();
    const auto out = runHardwareErasure(*target, *findMethod("nvme-format-crypto"),
                                        DriveChannels{nullptr, &nvme}, testing::fakeDriveOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Erased) << out.report.failureReason;
    EXPECT_GT(out.evidence.otherBlocks, 0u);
}

TEST(HardwareErasure, FailedDriveCommandIsRecordedNotVerified) {
    Medium medium;
    testing::FakeNvme nvme;
    nvme.formatStatus = 0x4002;  // DNR + Invalid Field
    auto target = medium.open();
    const auto out = runHardwareErasure(*target, *findMethod("nvme-format-user-data"),
                                        DriveChannels{nullptr, &nvme}, testing::fakeDriveOptions());
    EXPECT_EQ(out.report.outcome, Outcome::Failed);
    EXPECT_EQ(out.report.verifyResult, VerifyResult::NotRun);
    EXPECT_NE(out.report.failureReason.find("Invalid Field"), std::string::npos);
}

TEST(Capabilities, QemuNvmeOffersFormatUserDataOnly) {
    testing::FakeNvme nvme;
    const auto caps = probeNvme(nvme);
    EXPECT_EQ(caps.interface, "nvme");
    EXPECT_EQ(caps.methods, std::vector<std::string>{"nvme-format-user-data"});
    try {
        requireRunnable(*findMethod("nvme-format-crypto"), caps);
        FAIL() << "crypto format offered although FNA bit 2 is 0";
    } catch (const SanitizeError& e) {
        EXPECT_EQ(e.kind(), SanitizeError::Kind::Unsupported);
        EXPECT_NE(std::string(e.what()).find("nvme-format-user-data"), std::string::npos);
    }
    EXPECT_NO_THROW(requireRunnable(*findMethod("nvme-format-user-data"), caps));
}

TEST(Capabilities, AtaDriveListsItsMethods) {
    testing::FakeAtaDrive drive;
    const auto caps = probeAta(drive);
    EXPECT_EQ(caps.methods,
              (std::vector<std::string>{"ata-secure-erase", "ata-secure-erase-enhanced",
                                        "ata-sanitize-crypto", "ata-sanitize-block",
                                        "ata-sanitize-overwrite"}));
    EXPECT_FALSE(caps.hpaPresent);
    EXPECT_FALSE(caps.dcoPresent);
    EXPECT_EQ(caps.ata->model, "Massho Fake SSD");
}

TEST(Capabilities, HiddenAreaBlocksTheJob) {
    testing::FakeAtaDrive drive;
    drive.nativeMaxLba = 0x17FF;  // 2048 sectors behind an HPA
    drive.dcoMaxLba = 0x1FFF;     // and 2048 more behind a DCO
    const auto caps = probeAta(drive);
    EXPECT_TRUE(caps.hpaPresent);
    EXPECT_TRUE(caps.dcoPresent);
    EXPECT_EQ(caps.hiddenArea,
              "a Host Protected Area hides 2048 sectors; a Device Configuration Overlay hides "
              "2048 sectors");
    try {
        requireRunnable(*findMethod("ata-sanitize-block"), caps);
        FAIL() << "hidden area not refused";
    } catch (const SanitizeError& e) {
        EXPECT_EQ(e.kind(), SanitizeError::Kind::HiddenArea);
    }
}

TEST(Capabilities, FrozenSecurityBlocksSecureEraseOnly) {
    testing::FakeAtaDrive drive;
    drive.frozen = true;
    const auto caps = probeAta(drive);
    EXPECT_EQ(testing::refusalOf([&] { requireRunnable(*findMethod("ata-secure-erase"), caps); }),
              testing::Refusal(SanitizeError::Kind::Frozen,
                               "the drive's security is frozen, so ata-secure-erase is refused: "
                               "hot-unplug and replug the drive, or suspend and resume the "
                               "appliance"));
    EXPECT_NO_THROW(requireRunnable(*findMethod("ata-sanitize-crypto"), caps));
}

TEST(Capabilities, UsbBridgeWithoutPassThroughIsNotAnAtaDrive) {
    testing::FakeAtaDrive drive;
    drive.usbBridge = true;
    EXPECT_EQ(testing::refusalOf([&] { probeAta(drive); }),
              testing::Refusal(SanitizeError::Kind::CommandFailed,
                               "IDENTIFY DEVICE failed: ILLEGAL REQUEST (asc 20h ascq 00h): the "
                               "device or its bridge does not pass ATA commands"));
}

}  // namespace
}  // namespace massho::erase::sanitize
