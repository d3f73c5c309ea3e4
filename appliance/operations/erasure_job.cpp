#include "massho/operations/erasure_job.h"

#include <sys/stat.h>

#include <memory>
#include <optional>

#include "massho/appliance/devices.h"
#include "massho/erase/sanitize/hardware_erasure.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "massho/erase/target.h"
#include "massho/operations/job_journal.h"
#include "massho/records/register/device_identity.h"
#include "massho/records/register/register.h"

namespace massho::operations {
namespace {

using Category = base::ErrorCategory;

MediumDescription fromDevice(const appliance::BlockDevice& d) {
    return MediumDescription{d.path,         records::deviceModel(d.vendor, d.model),
                             d.serial,       d.transport,
                             d.mediaType,    d.sizeBytes,
                             d.logicalSector};
}

MediumDescription fromImageFile(const std::string& path) {
    MediumDescription m;
    m.path = std::filesystem::absolute(path).string();
    m.model = "disk image file";
    m.transport = "file";
    m.mediaType = "virtual";
    return m;  // size and sector come from the opened target
}

bool isRegularFile(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

OperationError fromTargetError(const erase::TargetError& e) {
    switch (e.kind()) {
        case erase::TargetError::Kind::NotFound:
        case erase::TargetError::Kind::NotBlockDevice:
        case erase::TargetError::Kind::Vanished:
            return {Category::BadInput, e.what()};
        case erase::TargetError::Kind::Busy:
        case erase::TargetError::Kind::ReadOnly:
        case erase::TargetError::Kind::Permission:
            return {Category::Refused, e.what()};
        case erase::TargetError::Kind::Io:
            break;
    }
    return {Category::Failed, e.what()};
}

// A job that stopped before its first write (the engine refused the options, the drive refused
// the command): failed, nothing written, never erased.
erase::Report failedBeforeWriting(const std::string& reason, erase::VerifyMode verify,
                                  const records::Clock& clock) {
    erase::Report report;
    report.outcome = erase::Outcome::Failed;
    report.failureReason = reason;
    report.verifyMode = verify;
    report.started = report.ended = clock();
    return report;
}

// A drive command: probe the drive and refuse before anything is written unless it supports the
// method (not frozen, no hidden area) (erase/sanitize/hardware_erasure.h). Its command channel is
// opened before the target: SG_IO for SATA/SCSI/USB, the NVMe admin queue for NVMe.
erase::sanitize::DriveHandles openDrive(const MediumDescription& medium,
                                        const erase::Method& method) {
    namespace sz = erase::sanitize;
    if (medium.transport == "file")
        throw OperationError(Category::BadInput,
                             "method '" + method.id +
                                 "' is a drive command and needs a drive, not an "
                                 "image file: choose an overwrite method");
    const sz::DriveCapabilities caps = sz::probeDrive(medium.path, medium.transport);
    sz::DriveHandles drive;
    try {
        sz::requireRunnable(method, caps);
        if (caps.interface == "nvme") {
            drive.nvme = sz::openNvmeAdmin(medium.path);
        } else {
            drive.scsi = sz::openSgIo(medium.path);
        }
    } catch (const sz::SanitizeError& e) {
        throw OperationError(Category::Refused, std::string("refusing ") + method.id + " on " +
                                                    medium.path + ": " + e.what());
    }
    return drive;
}

}  // namespace

ErasureJob::ErasureJob(records::Register& log, ErasureJobInput input)
    : register_(log), input_(std::move(input)) {
    if (!input_.method) throw OperationError(Category::BadInput, "no erasure method given");
}

const MediumDescription& ErasureJob::describe() {
    if (described_) return medium_;
    const std::string& path = input_.devicePath;
    if (input_.allowRegularFile && isRegularFile(path)) {
        medium_ = fromImageFile(path);
    } else {
        appliance::GuardOptions guard;
        guard.protectedPaths = input_.protectedPaths;
        // The job never reads discovery's capabilities: a drive command probes the drive itself
        // (openDrive), so no identify command is sent for an overwrite ([devices] probe).
        guard.probeCapabilities = false;
        appliance::BlockDevice device;
        try {
            device = appliance::describeDevice(path, guard);
        } catch (const appliance::DeviceError& e) {
            throw OperationError(Category::BadInput, e.what());
        }
        if (!device.eligible)
            throw OperationError(Category::Refused,
                                 "refusing to erase " + device.path + ": " + device.reason);
        medium_ = fromDevice(device);
    }
    described_ = true;
    return medium_;
}

// One path for both kinds of method: guard, open exclusively, journal the start, run, record.
// A drive command is not cancellable (a drive cannot stop a sanitize): it never reads `cancel`.
ErasureJobResult ErasureJob::run(const std::atomic<bool>* cancel,
                                 std::function<void(const erase::Progress&)> onProgress) {
    namespace sz = erase::sanitize;
    const erase::Method& method = *input_.method;
    describe();
    std::optional<sz::DriveHandles> drive;
    if (method.hardware)
        drive = input_.openDrive ? input_.openDrive(medium_, method) : openDrive(medium_, method);

    std::unique_ptr<erase::Target> target;
    try {
        // A drive command needs a drive: never an image file.
        target = erase::openTarget(medium_.path,
                                   erase::OpenOptions{!method.hardware && input_.allowRegularFile});
    } catch (const erase::TargetError& e) {
        throw fromTargetError(e);
    }
    medium_.sizeBytes = target->size();
    medium_.logicalSector = target->logicalSector();

    JobJournal journal(register_);
    journal.reconcile();  // jobs killed earlier get their `interrupted` entries first
    input_.context.startedEntry = journal.begin(
        erasureStartedEntry(medium_, input_.context, method, input_.verify), medium_.path);
    ErasureJobResult result;
    std::optional<sz::HardwareEvidence> evidence;
    if (drive) {
        sz::HardwareErasureOptions options;
        options.verify = input_.verify;
        options.onProgress = std::move(onProgress);
        options.stallTimeout = input_.stallTimeout;
        try {
            // Under the stall watchdog, as an overwrite below: a drive command that has no answer
            // in its own time and the stall timeout ends the job as failed; the engine then keeps
            // the target and the drive's channel on the thread stuck in the kernel.
            sz::HardwareOutcome outcome =
                sz::runHardwareErasure(std::move(target), method, std::move(*drive), options);
            result.report = std::move(outcome.report);
            evidence = std::move(outcome.evidence);
        } catch (const sz::SanitizeError& e) {
            // Thrown before any marker was written: close the started job as failed (nothing
            // was written), then refuse as before.
            journal.finish(
                *input_.context.startedEntry,
                erasureEntry(medium_, input_.context, method,
                             failedBeforeWriting(e.what(), input_.verify, input_.clock)));
            throw OperationError(Category::Refused, e.what());
        }
    } else {
        erase::EraseOptions options;
        options.method = &method;
        options.verify = input_.verify;
        options.blank = input_.blank;
        options.cancel = cancel;
        options.onProgress = std::move(onProgress);
        options.stallTimeout = input_.stallTimeout;
        try {
            // Under the stall watchdog: a device that stops answering ends the job as failed
            // instead of holding it for ever. The engine then keeps the target (and O_EXCL) on
            // the thread stuck in the kernel; otherwise it is closed when this returns.
            result.report = erase::runErasure(std::move(target), options);
        } catch (const std::exception& e) {
            result.report = failedBeforeWriting(e.what(), input_.verify, input_.clock);
        }
    }
    target.reset();  // release O_EXCL before recording (a drive command's target)
    result.entry = erasureEntry(medium_, input_.context, method, result.report,
                                evidence ? &*evidence : nullptr);
    result.registerIndex = journal.finish(*input_.context.startedEntry, result.entry);
    return result;
}

}  // namespace massho::operations
