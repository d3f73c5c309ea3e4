#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "massho/erase/sanitize/device_io.h"
#include "massho/erase/sanitize/nvme_command.h"
#include "massho/erase/sanitize/scsi_command.h"

namespace massho::erase::sanitize {

// Progress of a drive-internal erasure. `estimated`: a clock against the drive's own time estimate
// (ATA SECURITY ERASE UNIT, NVMe Format), not a figure the drive reported.
struct DriveProgress {
    double fraction = 0;  // 0..1
    bool estimated = false;
    std::string step;  // "SANITIZE BLOCK ERASE EXT", …
};

struct DriveSanitizeOptions {
    // Polling is injectable so that tests run without waiting.
    std::function<void(std::chrono::milliseconds)> sleep;  // empty: std::this_thread::sleep_for
    std::chrono::milliseconds pollInterval{2000};
    int maxPolls = 24 * 3600 / 2;  // a day at the default interval, then the job fails
    std::function<void(const DriveProgress&)> onProgress;
    // Fills the one-time ATA password; empty: RAND_bytes.
    std::function<void(std::span<uint8_t>)> randomBytes;
    // Told what the job would leave on the drive were it given up from now on (the one-time ATA
    // password, and how to remove it), and "" once nothing: the stall watchdog says it.
    std::function<void(const std::string&)> onLeftOnDrive;
};

// What happened, step by step, for the register. `succeeded` only when the drive reported the
// erasure complete without error.
struct DriveSanitizeResult {
    bool succeeded = false;
    std::string failure;             // one line with the remedy; empty on success
    std::vector<std::string> steps;  // "SECURITY SET PASSWORD: ok", …
    bool driveReportedProgress = false;
};

// These functions throw SanitizeError (Unsupported, Frozen, Locked, HiddenArea, Io) when they
// refuse before anything destructive was sent. Once a destructive command was sent, failures are
// returned in the result, never thrown. Not cancellable: a drive cannot stop a sanitize.

// ACS-3 Security feature set: SET PASSWORD (random one-time) → ERASE PREPARE → ERASE UNIT, and
// SECURITY DISABLE PASSWORD on any failure after the password was sent.
DriveSanitizeResult ataSecurityErase(SgIo& io, bool enhanced, const DriveSanitizeOptions& options);

enum class AtaSanitizeAction { CryptoScramble, BlockErase, Overwrite };
// ACS-3 §7.43 SANITIZE with SANITIZE STATUS EXT polling.
DriveSanitizeResult ataSanitize(SgIo& io, AtaSanitizeAction action,
                                const DriveSanitizeOptions& options);

// NVMe Format NVM of the namespace behind `nvme` (its current LBA format kept). SES=2 only when
// FNA bit 2 says crypto erase is supported.
DriveSanitizeResult nvmeFormatErase(NvmeAdmin& nvme, NvmeSecureErase ses,
                                    const DriveSanitizeOptions& options);

// NVMe Sanitize (AUSE=0, NDAS=0) with Sanitize Status log (81h) polling.
DriveSanitizeResult nvmeSanitize(NvmeAdmin& nvme, NvmeSanitizeAction action,
                                 const DriveSanitizeOptions& options);

// SBC-4 SANITIZE (IMMED) with REQUEST SENSE progress polling.
DriveSanitizeResult scsiSanitize(SgIo& io, ScsiSanitizeAction action,
                                 const DriveSanitizeOptions& options);

}  // namespace massho::erase::sanitize
