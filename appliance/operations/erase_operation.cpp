#include "massho/operations/erase_operation.h"

#include <sys/stat.h>

#include "massho/appliance/devices.h"
#include "massho/erase/target.h"
#include "massho/records/register.h"

namespace massho::operations {
namespace {

using Kind = OperationError::Kind;

MediumDescription fromDevice(const appliance::BlockDevice& d) {
    return MediumDescription{d.path,         d.vendor.empty() ? d.model : d.vendor + " " + d.model,
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
            return {Kind::BadInput, e.what()};
        case erase::TargetError::Kind::Busy:
        case erase::TargetError::Kind::ReadOnly:
        case erase::TargetError::Kind::Permission:
            return {Kind::Refused, e.what()};
        case erase::TargetError::Kind::Io:
            break;
    }
    return {Kind::Failed, e.what()};
}

}  // namespace

EraseOperation::EraseOperation(records::Register& log, EraseRequest request)
    : log_(log), request_(std::move(request)) {
    if (!request_.method) throw OperationError(Kind::BadInput, "no erasure method given");
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
            throw OperationError(Kind::BadInput, e.what());
        }
        if (!device.eligible)
            throw OperationError(Kind::Refused,
                                 "refusing to erase " + device.path + ": " + device.reason);
        medium_ = fromDevice(device);
    }
    described_ = true;
    return medium_;
}

EraseResult EraseOperation::run(const std::atomic<bool>* cancel,
                                std::function<void(const erase::Progress&)> onProgress) {
    const erase::Method& method = *request_.method;
    if (method.hardware)
        throw OperationError(Kind::BadInput,
                             "method '" + method.id +
                                 "' is a hardware sanitize command, which is not implemented yet: "
                                 "choose an overwrite method (massho methods)");
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

    EraseResult result;
    result.report = erase::runErasure(*target, options);
    target.reset();  // release O_EXCL before recording
    result.entry = erasureEntry(medium_, request_.context, method, result.report);
    result.registerIndex = log_.append(result.entry);
    return result;
}

}  // namespace massho::operations
