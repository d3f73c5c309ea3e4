#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "massho/erase/sanitize/device_io.h"

namespace massho::erase::sanitize {

inline constexpr uint32_t kNvmeAllNamespaces = 0xFFFFFFFFu;
inline constexpr std::size_t kNvmeIdentifyBytes = 4096;
inline constexpr std::size_t kNvmeSanitizeLogBytes = 512;

// NVMe Base 2.0 §5.14 Format NVM SES values, §5.24 Sanitize SANACT values.
enum class NvmeSecureErase : uint8_t { None = 0, UserData = 1, Crypto = 2 };
enum class NvmeSanitizeAction : uint8_t {
    ExitFailureMode = 1,
    BlockErase = 2,
    Overwrite = 3,
    CryptoErase = 4
};

// The current format of a namespace, kept by Format NVM (only SES changes).
struct NvmeLbaFormat {
    uint8_t index = 0;             // FLBAS format index (0..63)
    bool metadataInline = false;   // FLBAS bit 4 → MSET
    uint8_t protection = 0;        // DPS bits 2:0 → PI
    bool protectionFirst = false;  // DPS bit 3 → PIL
};

NvmeAdminCommand nvmeIdentifyController(std::span<uint8_t> buffer);
NvmeAdminCommand nvmeIdentifyNamespace(uint32_t nsid, std::span<uint8_t> buffer);
NvmeAdminCommand nvmeFormat(uint32_t nsid, NvmeSecureErase ses, const NvmeLbaFormat& format);
// No-Deallocate After Sanitize (NDAS) is always 0: the drive deallocates after sanitizing.
NvmeAdminCommand nvmeSanitize(NvmeSanitizeAction action, bool allowUnrestrictedExit,
                              uint8_t overwritePasses, uint32_t overwritePattern);
NvmeAdminCommand nvmeGetSanitizeLog(std::span<uint8_t> buffer);

// "Invalid Command Opcode (SCT 0h SC 01h)".
std::string describeNvmeStatus(uint16_t status);

}  // namespace massho::erase::sanitize
