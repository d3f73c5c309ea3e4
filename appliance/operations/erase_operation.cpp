#include "massho/operations/erase_operation.h"

#include <sys/stat.h>

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
erase::Report failedBeforeWriting(const std::string& reason, erase::VerifyMode verify) {
    erase::Report report;
    report.outcome = erase::Outcome::Failed;
    report.failureReason = reason;
    report.verifyMode = verify;
    report.started = report.ended = std::chrono::system_clock::now();
    return report;
}

}  // namespace

EraseOperation::EraseOperation(records::Register& log, EraseRequest request)
    : log_(log), request_(std::move(request)) {
    if (!request_.method) throw OperationError(Category::BadInput, "no erasure method given");
}

const MediumDescription& EraseOperation::describe() {
    if (described_) return medium_;
    const std::string& path = request_.devicePath;
    if (request_.allowRegularFile && isRegularFile(path)) {
        medium_ = fromImageFile(path);
    } else {
        appliance::GuardOptions guard;
        guard.protectedPaths = request_.protectedPaths;
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

EraseResult EraseOperation::run(const std::atomic<bool>* cancel,
                                std::function<void(const erase::Progress&)> onProgress) {
    const erase::Method& method = *request_.method;
    if (method.hardware) return runHardware(std::move(onProgress));
    describe();

    std::unique_ptr<erase::Target> target;
    try {
        target = erase::openTarget(medium_.path, erase::OpenOptions{request_.allowRegularFile});
    } catch (const erase::TargetError& e) {
        throw fromTargetError(e);
    }
    medium_.sizeBytes = target->size();
    medium_.logicalSector = target->logicalSector();

    erase::EraseOptions options;
    options.method = &method;
    options.verify = request_.verify;
    options.blank = request_.blank;
    options.cancel = cancel;
    options.onProgress = std::move(onProgress);

    JobJournal journal(log_);
    journal.reconcile();  // jobs killed earlier get their `interrupted` entries first
    request_.context.startedEntry = journal.begin(
        erasureStartedEntry(medium_, request_.context, method, request_.verify), medium_.path);
    EraseResult result;
    try {
        result.report = erase::runErasure(*target, options);
    } catch (const std::exception& e) {
        result.report = failedBeforeWriting(e.what(), request_.verify);
    }
    target.reset();  // release O_EXCL before recording
    result.entry = erasureEntry(medium_, request_.context, method, result.report);
    result.registerIndex = journal.finish(*request_.context.startedEntry, result.entry);
    return result;
}

// A drive command: probe the drive, refuse before anything is written unless it
// supports the method (not frozen, no hidden area), then markers, the command and verification
// (erase/sanitize/hardware_erasure.h). Not cancellable: a drive cannot stop a sanitize.
EraseResult EraseOperation::runHardware(std::function<void(const erase::Progress&)> onProgress) {
    namespace sz = erase::sanitize;
    const erase::Method& method = *request_.method;
    describe();
    if (medium_.transport == "file")
        throw OperationError(Category::BadInput,
                             "method '" + method.id +
                                 "' is a drive command and needs a drive, not an "
                                 "image file: choose an overwrite method");
    const sz::DriveCapabilities caps = sz::probeDrive(medium_.path, medium_.transport);
    std::unique_ptr<sz::SgIo> scsi;
    std::unique_ptr<sz::NvmeAdmin> nvme;
    try {
        sz::requireRunnable(method, caps);
        if (caps.interface == "nvme") {
            nvme = sz::openNvmeAdmin(medium_.path);
        } else {
            scsi = sz::openSgIo(medium_.path);
        }
    } catch (const sz::SanitizeError& e) {
        throw OperationError(Category::Refused, std::string("refusing ") + method.id + " on " +
                                                    medium_.path + ": " + e.what());
    }
    std::unique_ptr<erase::Target> target;
    try {
        target = erase::openTarget(medium_.path);
    } catch (const erase::TargetError& e) {
        throw fromTargetError(e);
    }
    medium_.sizeBytes = target->size();
    medium_.logicalSector = target->logicalSector();

    sz::HardwareErasureOptions options;
    options.verify = request_.verify;
    options.onProgress = std::move(onProgress);
    JobJournal journal(log_);
    journal.reconcile();
    request_.context.startedEntry = journal.begin(
        erasureStartedEntry(medium_, request_.context, method, request_.verify), medium_.path);
    sz::HardwareOutcome outcome;
    try {
        outcome = sz::runHardwareErasure(*target, method, {scsi.get(), nvme.get()}, options);
    } catch (const sz::SanitizeError& e) {
        // Thrown before any marker was written: close the started job as failed (nothing was
        // written), then refuse as before.
        const erase::Report refusedReport = failedBeforeWriting(e.what(), request_.verify);
        journal.finish(*request_.context.startedEntry,
                       erasureEntry(medium_, request_.context, method, refusedReport));
        throw OperationError(Category::Refused, e.what());
    }
    target.reset();  // release O_EXCL before recording
    EraseResult result;
    result.report = std::move(outcome.report);
    result.entry =
        erasureEntry(medium_, request_.context, method, result.report, &outcome.evidence);
    result.registerIndex = journal.finish(*request_.context.startedEntry, result.entry);
    return result;
}

}  // namespace massho::operations
