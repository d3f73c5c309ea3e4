#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace massho::erase::sanitize {

// SBC-4 SANITIZE (48h) service actions.
enum class ScsiSanitizeAction : uint8_t {
    Overwrite = 0x01,
    BlockErase = 0x02,
    CryptoErase = 0x03,
    ExitFailureMode = 0x1F
};

// SANITIZE CDB (10 bytes) with IMMED set (progress is then polled with REQUEST SENSE).
std::vector<uint8_t> scsiSanitizeCdb(ScsiSanitizeAction action, bool allowUnrestrictedExit,
                                     uint16_t parameterLength);
// The OVERWRITE parameter list: one pass of a 4-byte pattern, not inverted.
std::vector<uint8_t> scsiSanitizeOverwriteParameters(uint32_t pattern, uint8_t passes);

// REPORT SUPPORTED OPERATION CODES for one opcode (and service action when `serviceAction` >= 0).
std::vector<uint8_t> scsiReportOpcodeCdb(uint8_t opcode, int serviceAction,
                                         uint32_t allocationLength);
// Whether the one-command response says the command is supported (SUPPORT = 011b or 101b).
bool scsiOpcodeSupported(std::span<const uint8_t> response);

// REQUEST SENSE (03h) in fixed format.
std::vector<uint8_t> scsiRequestSenseCdb(uint8_t allocationLength);

}  // namespace massho::erase::sanitize
