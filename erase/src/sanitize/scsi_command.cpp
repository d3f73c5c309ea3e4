#include "massho/erase/sanitize/scsi_command.h"

namespace massho::erase::sanitize {

// SBC-4 §5.30 SANITIZE: byte 1 bit 7 IMMED, bit 5 AUSE, bits 4:0 SERVICE ACTION; bytes 7..8
// PARAMETER LIST LENGTH; byte 9 CONTROL.
std::vector<uint8_t> scsiSanitizeCdb(ScsiSanitizeAction action, bool allowUnrestrictedExit,
                                     uint16_t parameterLength) {
    std::vector<uint8_t> cdb(10, 0);
    cdb[0] = 0x48;
    cdb[1] = static_cast<uint8_t>(0x80 | (allowUnrestrictedExit ? 0x20 : 0) |
                                  static_cast<uint8_t>(action));
    cdb[7] = static_cast<uint8_t>(parameterLength >> 8);
    cdb[8] = static_cast<uint8_t>(parameterLength);
    return cdb;
}

// SBC-4 §5.30.2.2 OVERWRITE parameter list: byte 0 bit 7 INVERT, bits 4:0 OVERWRITE COUNT;
// bytes 2..3 INITIALIZATION PATTERN LENGTH; then the pattern.
std::vector<uint8_t> scsiSanitizeOverwriteParameters(uint32_t pattern, uint8_t passes) {
    return {static_cast<uint8_t>(passes & 0x1F),
            0x00,
            0x00,
            0x04,
            static_cast<uint8_t>(pattern >> 24),
            static_cast<uint8_t>(pattern >> 16),
            static_cast<uint8_t>(pattern >> 8),
            static_cast<uint8_t>(pattern)};
}

// SPC-5 §6.35 REPORT SUPPORTED OPERATION CODES: MAINTENANCE IN (A3h) service action 0Ch; byte 2
// REPORTING OPTIONS 001b (opcode) or 010b (opcode + service action); byte 3 REQUESTED OPERATION
// CODE; bytes 4..5 REQUESTED SERVICE ACTION; bytes 6..9 ALLOCATION LENGTH.
std::vector<uint8_t> scsiReportOpcodeCdb(uint8_t opcode, int serviceAction,
                                         uint32_t allocationLength) {
    std::vector<uint8_t> cdb(12, 0);
    cdb[0] = 0xA3;
    cdb[1] = 0x0C;
    cdb[2] = serviceAction >= 0 ? 0x02 : 0x01;
    cdb[3] = opcode;
    if (serviceAction >= 0) {
        cdb[4] = static_cast<uint8_t>(serviceAction >> 8);
        cdb[5] = static_cast<uint8_t>(serviceAction);
    }
    cdb[6] = static_cast<uint8_t>(allocationLength >> 24);
    cdb[7] = static_cast<uint8_t>(allocationLength >> 16);
    cdb[8] = static_cast<uint8_t>(allocationLength >> 8);
    cdb[9] = static_cast<uint8_t>(allocationLength);
    return cdb;
}

// SPC-5 §6.35.3 one-command parameter data: byte 1 bits 2:0 SUPPORT (011b supported per the
// standard, 101b supported in a vendor-specific manner).
bool scsiOpcodeSupported(std::span<const uint8_t> response) {
    if (response.size() < 4) return false;
    const uint8_t support = response[1] & 0x07;
    return support == 0x03 || support == 0x05;
}

// SPC-5 §6.39 REQUEST SENSE: byte 1 bit 0 DESC (0 = fixed), byte 4 ALLOCATION LENGTH.
std::vector<uint8_t> scsiRequestSenseCdb(uint8_t allocationLength) {
    return {0x03, 0x00, 0x00, 0x00, allocationLength, 0x00};
}

}  // namespace massho::erase::sanitize
