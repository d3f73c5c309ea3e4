#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "massho/erase/sanitize/nvme_command.h"

namespace massho::erase::sanitize {

// NVMe Base 2.0 §5.17.2.1 Identify Controller data structure (the fields a sanitize tool needs).
struct NvmeController {
    std::string serial, model, firmware;
    uint16_t oacs = 0;
    bool formatSupported = false;  // OACS bit 1
    uint8_t fna = 0;
    bool formatAppliesToAll = false;       // FNA bit 0
    bool secureEraseAppliesToAll = false;  // FNA bit 1
    bool cryptoEraseSupported = false;     // FNA bit 2
    uint32_t sanicap = 0;
    bool sanitizeCrypto = false, sanitizeBlock = false, sanitizeOverwrite = false;  // bits 0..2
    uint32_t namespaceCount = 0;                                                    // NN
};

// §5.17.2.2 Identify Namespace (I/O Command Set Independent fields plus the LBA formats).
struct NvmeNamespace {
    uint64_t sizeBlocks = 0;  // NSZE
    NvmeLbaFormat format;
    uint32_t blockBytes = 0;  // 2^LBADS of the current format
    uint16_t metadataBytes = 0;
};

// §5.16.1.25 Sanitize Status log page (81h).
struct NvmeSanitizeStatus {
    enum class State : uint8_t {
        NeverSanitized = 0,
        Succeeded = 1,
        InProgress = 2,
        Failed = 3,
        SucceededNoDeallocate = 4
    };
    uint16_t progress = 0;  // SPROG, /65536; FFFFh when not in progress
    State state = State::NeverSanitized;
    uint8_t overwritePasses = 0;
    bool globalDataErased = false;
    uint32_t lastCdw10 = 0;
    // Estimated seconds (FFFFFFFFh = no estimate) for overwrite, block erase, crypto erase.
    uint32_t estimateOverwrite = 0, estimateBlock = 0, estimateCrypto = 0;
};

NvmeController parseNvmeController(std::span<const uint8_t> data);
NvmeNamespace parseNvmeNamespace(std::span<const uint8_t> data);
NvmeSanitizeStatus parseNvmeSanitizeLog(std::span<const uint8_t> data);

}  // namespace massho::erase::sanitize
