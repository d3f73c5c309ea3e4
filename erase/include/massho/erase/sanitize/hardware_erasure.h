#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "massho/erase/method.h"
#include "massho/erase/progress.h"
#include "massho/erase/report.h"
#include "massho/erase/sanitize/capabilities.h"
#include "massho/erase/sanitize/drive_sanitize.h"
#include "massho/erase/target.h"
#include "massho/erase/verify_mode.h"

namespace massho::erase::sanitize {

// The channels to the drive behind a Target (either may be null when the drive has none).
struct DriveChannels {
    SgIo* scsi = nullptr;
    NvmeAdmin* nvme = nullptr;
};

struct HardwareErasureOptions {
    VerifyMode verify = VerifyMode::Sample;  // the read after the marker check
    uint64_t sampleSeed = 0;                 // 0 = RAND_bytes
    DriveSanitizeOptions drive;
    std::function<void(const Progress&)> onProgress;
};

// What was seen, for the register.
struct HardwareEvidence {
    std::vector<std::string> steps;  // drive commands and their outcomes
    int markersWritten = 0;
    int markersChanged = 0;  // markers that no longer read back as written
    uint64_t zeroBlocks = 0, oneBlocks = 0, otherBlocks = 0;  // sampled content (4 KiB blocks)
    bool driveReportedProgress = false;
};

struct HardwareOutcome {
    Report report;
    HardwareEvidence evidence;
};

// Refuses (SanitizeError) unless `caps` lists the method and nothing blocks it: unsupported,
// frozen, or hidden sectors (HPA/DCO), which would survive. Sends nothing.
void requireRunnable(const Method& method, const DriveCapabilities& caps);

// The whole hardware job: random marker blocks at known LBAs (first, last and spread between),
// read back; the drive command; then every marker must read differently, and a sampled (or full)
// read records the content seen. Erased only when the drive reported success and every marker
// changed and nothing failed to read. Throws SanitizeError only before the first marker is
// written (unknown method, tiny device); a refusal by the drive after that is a failed Report.
// Call requireRunnable first so that no marker is written on a drive that cannot do the method.
HardwareOutcome runHardwareErasure(Target& target, const Method& method,
                                   const DriveChannels& channels,
                                   const HardwareErasureOptions& options);

}  // namespace massho::erase::sanitize
