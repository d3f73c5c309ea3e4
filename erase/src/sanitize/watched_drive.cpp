#include "watched_drive.h"

#include <cerrno>
#include <cstdio>

namespace massho::erase::sanitize::detail {
namespace {

std::string nameOf(const ScsiCommand& c) {
    if (!c.what.empty()) return c.what;
    char opcode[8];
    std::snprintf(opcode, sizeof opcode, "%02Xh", c.cdb.empty() ? 0 : c.cdb[0]);
    return std::string("SCSI command ") + opcode;
}

std::string nameOf(const NvmeAdminCommand& c) {
    if (!c.what.empty()) return c.what;
    char opcode[8];
    std::snprintf(opcode, sizeof opcode, "%02Xh", c.opcode);
    return std::string("NVMe admin command ") + opcode;
}

}  // namespace

std::chrono::milliseconds ownTime(uint32_t timeoutMs) {
    if (timeoutMs <= kCommandTimeoutMs) return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(timeoutMs);
}

ScsiStatus WatchedSgIo::execute(const ScsiCommand& command) {
    const uint64_t call = watch_->beginCommand(nameOf(command), ownTime(command.timeoutMs));
    if (!call) {
        if (command.undo) return io_->execute(command);
        ScsiStatus refused;
        refused.ioctlErrno = ENODEV;
        return refused;
    }
    ScsiStatus status = io_->execute(command);
    watch_->end(call, false, 0);
    return status;
}

NvmeCompletion WatchedNvmeAdmin::execute(const NvmeAdminCommand& command) {
    const uint64_t call = watch_->beginCommand(nameOf(command), ownTime(command.timeoutMs));
    if (!call) return NvmeCompletion{ENODEV, 0, 0};
    NvmeCompletion done = nvme_->execute(command);
    watch_->end(call, false, 0);
    return done;
}

uint32_t WatchedNvmeAdmin::namespaceId() {
    const uint64_t call = watch_->beginCommand("NVME_IOCTL_ID", std::chrono::milliseconds(0));
    if (!call) return 0;
    const uint32_t id = nvme_->namespaceId();
    watch_->end(call, false, 0);
    return id;
}

}  // namespace massho::erase::sanitize::detail
