// The register entry of a drive command carries what was seen: drive_steps,
// drive_markers, drive_content, drive_progress; and the NIST level only when erased.

#include <gtest/gtest.h>

#include "massho/erase/method.h"
#include "massho/operations/erasure_entry.h"

namespace massho::operations {
namespace {

erase::sanitize::HardwareEvidence evidence() {
    erase::sanitize::HardwareEvidence h;
    h.steps = {"16 marker blocks written and read back", "Format NVM (SES=1 user data erase): ok"};
    h.markersWritten = 16;
    h.markersChanged = 16;
    h.zeroBlocks = 8192;
    return h;
}

MediumDescription nvmeMedium() {
    MediumDescription m;
    m.path = "/dev/nvme0n1";
    m.transport = "nvme";
    m.mediaType = "nvme";
    return m;
}

TEST(ErasureEntryHardware, RecordsWhatTheDriveDidAndWhatWasRead) {
    erase::Report report;
    report.outcome = erase::Outcome::Erased;
    const auto h = evidence();
    const std::string entry =
        erasureEntry(nvmeMedium(), {}, *erase::findMethod("nvme-format-user-data"), report, &h);
    EXPECT_NE(entry.find("\"drive_markers\":\"16 of 16 changed\""), std::string::npos) << entry;
    EXPECT_NE(entry.find("\"drive_content\":\"8192 zero, 0 all-FFh, 0 other 4 KiB blocks read\""),
              std::string::npos);
    EXPECT_NE(entry.find("Format NVM (SES=1 user data erase): ok"), std::string::npos);
    EXPECT_NE(entry.find("\"drive_progress\":\"estimated (the drive reports none)\""),
              std::string::npos);
    EXPECT_NE(entry.find("\"nist_level\":\"purge\""), std::string::npos);
}

TEST(ErasureEntryHardware, FailedDriveCommandReachesNoLevel) {
    erase::Report report;
    report.outcome = erase::Outcome::Failed;
    report.failureReason = "Format NVM failed";
    const auto h = evidence();
    const std::string entry =
        erasureEntry(nvmeMedium(), {}, *erase::findMethod("nvme-format-user-data"), report, &h);
    EXPECT_NE(entry.find("\"nist_level\":\"none\""), std::string::npos) << entry;
}

TEST(ErasureEntryHardware, OverwriteEntriesHaveNoDriveKeys) {
    erase::Report report;
    const std::string entry = erasureEntry(nvmeMedium(), {}, *erase::findMethod("zero"), report);
    EXPECT_EQ(entry.find("drive_"), std::string::npos) << entry;
}

}  // namespace
}  // namespace massho::operations
