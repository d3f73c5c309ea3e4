#include <cstring>

#include "drive_steps.h"
#include "massho/erase/sanitize/nvme_command.h"

namespace massho::erase::sanitize::detail {

void runNvmeAdmin(NvmeAdmin& nvme, const NvmeAdminCommand& c, const std::string& what,
                  DriveSanitizeResult& result, bool record) {
    NvmeAdminCommand named = c;
    named.what = what;
    const NvmeCompletion done = nvme.execute(named);
    std::string error;
    if (done.ioctlErrno != 0) {
        error = what + ": NVME_IOCTL_ADMIN_CMD failed (" + std::strerror(done.ioctlErrno) +
                "): the device does not take NVMe admin commands";
    } else if (done.status != 0) {
        error = what + " failed: " + describeNvmeStatus(done.status);
    }
    if (record) result.steps.push_back(error.empty() ? what + ": ok" : error);
    if (!error.empty()) {
        throw SanitizeError(
            done.ioctlErrno ? SanitizeError::Kind::Io : SanitizeError::Kind::CommandFailed, error);
    }
}

}  // namespace massho::erase::sanitize::detail
