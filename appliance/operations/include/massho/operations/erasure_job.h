#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "massho/erase/erasure.h"
#include "massho/erase/method.h"
#include "massho/erase/sanitize/hardware_erasure.h"
#include "massho/operations/erasure_entry.h"
#include "massho/operations/operation_error.h"
#include "massho/records/register/clock.h"

namespace massho::records {
class Register;
}

namespace massho::operations {

struct ErasureJobInput {
    std::string devicePath;
    const erase::Method* method = nullptr;
    erase::VerifyMode verify = erase::VerifyMode::Sample;
    bool blank = false;
    // Disk images (the demo, where loop devices are unavailable). Never the default.
    bool allowRegularFile = false;
    // Folders whose backing device must never be erased (the data directory).
    std::vector<std::filesystem::path> protectedPaths;
    ErasureContext context;
    // The register's clock (records::Store::clock()): the times of a job that never wrote.
    records::Clock clock = records::systemClock();
    // An overwrite whose device leaves one write or read unanswered this long ends as failed,
    // "the device stopped responding at offset X" (erase::runErasure's stall watchdog); massho.conf
    // [devices] stall_seconds (records::Config::stallTimeout).
    std::chrono::milliseconds stallTimeout = erase::kDefaultStallTimeout;
    // Tests only: the drive a drive-command method talks to (scripted fakes of drives that cannot
    // exist here), instead of probing the device and opening its own command channel.
    std::function<erase::sanitize::DriveHandles(const MediumDescription&, const erase::Method&)>
        openDrive;
};

struct ErasureJobResult {
    uint64_t registerIndex = 0;
    erase::Report report;
    std::string entry;  // the exact bytes appended
};

// The erasure job itself: describe and guard the device, open it exclusively, run the engine's
// passes and verification or a drive's own command, and append exactly one register entry,
// whatever the outcome (erased, failed, cancelled). Refusals happen before the first write and are
// thrown as OperationError. ErasureOperation (what a person asks for: ledger, approval, this job)
// and the carry-in's crypto-erase run it.
class ErasureJob {
  public:
    ErasureJob(records::Register& log, ErasureJobInput input);

    ErasureJobResult run(const std::atomic<bool>* cancel,
                         std::function<void(const erase::Progress&)> onProgress);

    // The medium as discovered (valid after run() started, or after describe()).
    const MediumDescription& medium() const { return medium_; }
    // Resolves and guards the device without touching it; throws OperationError.
    const MediumDescription& describe();
    // What the entry will say about why and for whom; the approval gate adds the requester,
    // approver and approval entry before run().
    ErasureContext& context() { return input_.context; }

  private:
    records::Register& register_;
    ErasureJobInput input_;
    MediumDescription medium_;
    bool described_ = false;
};

}  // namespace massho::operations
