#include "massho/erase/sanitize/nvme_command.h"

#include <cstdio>

namespace massho::erase::sanitize {
namespace {

constexpr uint8_t kOpGetLogPage = 0x02, kOpIdentify = 0x06, kOpFormat = 0x80, kOpSanitize = 0x84;

// A format or sanitize can take hours; the drive keeps going even if the ioctl times out, but the
// kernel would reset the controller. Format is synchronous; Sanitize returns at once (§5.24).
constexpr uint32_t kFormatTimeoutMs = 4u * 3600u * 1000u;

NvmeAdminCommand readInto(uint8_t opcode, std::span<uint8_t> buffer) {
    NvmeAdminCommand c;
    c.opcode = opcode;
    c.direction = DataDirection::FromDevice;
    c.data = buffer;
    return c;
}

}  // namespace

// §5.17 Identify: CDW10 bits 7:0 CNS (01h = controller, 00h = namespace), 4096 bytes.
NvmeAdminCommand nvmeIdentifyController(std::span<uint8_t> buffer) {
    NvmeAdminCommand c = readInto(kOpIdentify, buffer.first(kNvmeIdentifyBytes));
    c.cdw10 = 0x01;
    return c;
}

NvmeAdminCommand nvmeIdentifyNamespace(uint32_t nsid, std::span<uint8_t> buffer) {
    NvmeAdminCommand c = readInto(kOpIdentify, buffer.first(kNvmeIdentifyBytes));
    c.nsid = nsid;
    c.cdw10 = 0x00;
    return c;
}

// §5.14 Format NVM, CDW10: bits 3:0 LBAFL, bit 4 MSET, bits 7:5 PI, bit 8 PIL, bits 11:9 SES,
// bits 13:12 LBAFU.
NvmeAdminCommand nvmeFormat(uint32_t nsid, NvmeSecureErase ses, const NvmeLbaFormat& f) {
    NvmeAdminCommand c;
    c.opcode = kOpFormat;
    c.nsid = nsid;
    c.cdw10 = (f.index & 0x0Fu) | (f.metadataInline ? 1u : 0u) << 4 | (f.protection & 0x07u) << 5 |
              (f.protectionFirst ? 1u : 0u) << 8 | (static_cast<uint32_t>(ses) & 0x07u) << 9 |
              ((f.index >> 4) & 0x03u) << 12;
    c.timeoutMs = kFormatTimeoutMs;
    return c;
}

// §5.24 Sanitize, CDW10: bits 2:0 SANACT, bit 3 AUSE, bits 7:4 OWPASS, bit 8 OIPBP (0), bit 9
// NDAS (0); CDW11 OVRPAT. NSID is not used (the whole NVM subsystem is sanitized).
NvmeAdminCommand nvmeSanitize(NvmeSanitizeAction action, bool allowUnrestrictedExit,
                              uint8_t overwritePasses, uint32_t overwritePattern) {
    NvmeAdminCommand c;
    c.opcode = kOpSanitize;
    c.cdw10 = static_cast<uint32_t>(action) | (allowUnrestrictedExit ? 1u : 0u) << 3;
    if (action == NvmeSanitizeAction::Overwrite) {
        c.cdw10 |= (overwritePasses & 0x0Fu) << 4;
        c.cdw11 = overwritePattern;
    }
    return c;
}

// §5.16 Get Log Page: CDW10 bits 7:0 LID (81h), bit 15 RAE (0), bits 31:16 NUMDL (dwords - 1).
NvmeAdminCommand nvmeGetSanitizeLog(std::span<uint8_t> buffer) {
    NvmeAdminCommand c = readInto(kOpGetLogPage, buffer.first(kNvmeSanitizeLogBytes));
    c.nsid = kNvmeAllNamespaces;
    c.cdw10 = 0x81u | static_cast<uint32_t>(kNvmeSanitizeLogBytes / 4 - 1) << 16;
    return c;
}

std::string describeNvmeStatus(uint16_t status) {
    const unsigned sct = (status >> 8) & 0x7, sc = status & 0xFF;
    const char* name = "error";
    if (sct == 0) {
        switch (sc) {
            case 0x01:
                name = "Invalid Command Opcode";
                break;
            case 0x02:
                name = "Invalid Field in Command";
                break;
            case 0x0B:
                name = "Invalid Namespace or Format";
                break;
            case 0x1C:
                name = "Sanitize Failed";
                break;
            case 0x1D:
                name = "Sanitize In Progress";
                break;
            case 0x20:
                name = "Namespace is Write Protected";
                break;
            default:
                break;
        }
    } else if (sct == 1) {
        switch (sc) {
            case 0x0A:
                name = "Invalid Format";
                break;
            case 0x15:
                name = "Namespace Insufficient Capacity";
                break;
            case 0x23:
                name = "Sanitize Prohibited While Persistent Memory Region is Enabled";
                break;
            default:
                break;
        }
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, " (SCT %Xh SC %02Xh)", sct, sc);
    return name + std::string(buf);
}

}  // namespace massho::erase::sanitize
