#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "massho/erase/erasure.h"
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

// The same channels, owned: runHardwareErasure under the stall watchdog keeps them with the job.
struct DriveHandles {
    std::unique_ptr<SgIo> scsi;
    std::unique_ptr<NvmeAdmin> nvme;
};

struct HardwareErasureOptions {
    VerifyMode verify = VerifyMode::Sample;  // the read after the marker check
    uint64_t sampleSeed = 0;                 // 0 = RAND_bytes
    DriveSanitizeOptions drive;
    std::function<void(const Progress&)> onProgress;
    // runHardwareErasure(std::unique_ptr<Target>, …): how long a marker write or read, or a drive
    // command beyond the time it is itself allowed, may go unanswered (the stall watchdog).
    std::chrono::milliseconds stallTimeout = kDefaultStallTimeout;
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

// The same job under the stall watchdog (erasure.h's runErasure(std::unique_ptr<Target>, …)): it
// runs on a thread of its own that owns `target` and `drive`, while this thread hands progress on
// and times every marker write and read and every drive command. A write or read, or a command
// that answers at once, gets options.stallTimeout; a command that runs long (SECURITY ERASE UNIT,
// Format NVM) gets its own time limit (the drive's estimate with a margin) and then
// options.stallTimeout. Each status poll of a running sanitize is a command of its own, so a
// sanitize that keeps answering is never given up. When one has had no answer for that long, this
// returns a failed outcome: "drive command: the drive did not answer SECURITY ERASE UNIT in …",
// with what it left on the drive and what to do (the one-time ATA password). The thread stays in
// the kernel with the device; when the drive answers again it sends only what undoes the job's
// changes (SECURITY DISABLE PASSWORD), nothing else, closes the device and ends
// (waitForAbandonedJobs). options.drive's callbacks (sleep, randomBytes) may be called on that
// thread until then; onProgress never after this has returned.
HardwareOutcome runHardwareErasure(std::unique_ptr<Target> target, const Method& method,
                                   DriveHandles drive, const HardwareErasureOptions& options);

}  // namespace massho::erase::sanitize
