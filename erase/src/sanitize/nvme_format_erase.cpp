#include <array>

#include "drive_steps.h"
#include "massho/erase/sanitize/nvme_identify.h"

namespace massho::erase::sanitize {
namespace {

using K = SanitizeError::Kind;

}  // namespace

DriveSanitizeResult nvmeFormatErase(NvmeAdmin& nvme, NvmeSecureErase ses,
                                    const DriveSanitizeOptions& options) {
    DriveSanitizeResult result;
    std::array<uint8_t, kNvmeIdentifyBytes> data{};
    detail::runNvmeAdmin(nvme, nvmeIdentifyController(data), "Identify Controller", result);
    const NvmeController ctrl = parseNvmeController(data);
    if (!ctrl.formatSupported)
        throw SanitizeError(K::Unsupported,
                            "the controller does not support Format NVM (OACS "
                            "bit 1): choose an overwrite method");
    // QEMU 7.2 accepts SES=2 although FNA says crypto erase is unsupported: the
    // capability is checked here, never left to the controller.
    if (ses == NvmeSecureErase::Crypto && !ctrl.cryptoEraseSupported)
        throw SanitizeError(K::Unsupported,
                            "the controller does not support cryptographic erase "
                            "(Identify Controller FNA bit 2 is 0): choose "
                            "nvme-format-user-data");
    const uint32_t nsid = nvme.namespaceId();
    if (nsid == 0)
        throw SanitizeError(K::Io,
                            "the device is not an NVMe namespace (NVME_IOCTL_ID failed): "
                            "give the namespace device, e.g. /dev/nvme0n1");
    detail::runNvmeAdmin(nvme, nvmeIdentifyNamespace(nsid, data), "Identify Namespace", result);
    const NvmeNamespace before = parseNvmeNamespace(data);
    if (ctrl.secureEraseAppliesToAll && ctrl.namespaceCount > 1)
        result.steps.push_back("FNA bit 1: the secure erase applies to every namespace");
    const std::string step = ses == NvmeSecureErase::Crypto ? "Format NVM (SES=2 crypto erase)"
                                                            : "Format NVM (SES=1 user data erase)";
    try {
        detail::report(options, 0, true, step);
        detail::runNvmeAdmin(nvme, nvmeFormat(nsid, ses, before.format), step, result);
        detail::runNvmeAdmin(nvme, nvmeIdentifyNamespace(nsid, data), "Identify Namespace", result);
        const NvmeNamespace after = parseNvmeNamespace(data);
        if (after.sizeBlocks != before.sizeBlocks || after.blockBytes != before.blockBytes)
            throw SanitizeError(K::CommandFailed,
                                "the namespace changed size during Format NVM: "
                                "check the drive");
        detail::report(options, 1, true, step);
        result.succeeded = true;
    } catch (const SanitizeError& e) {
        result.failure = e.what();
    }
    return result;
}

}  // namespace massho::erase::sanitize
