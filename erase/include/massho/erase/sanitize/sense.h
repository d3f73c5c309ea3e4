#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "massho/erase/sanitize/device_io.h"

namespace massho::erase::sanitize {

// The ATA registers a device returned (SAT-4 §12.2.2.7 ATA Status Return descriptor, or the
// fixed-format equivalent).
struct AtaRegisters {
    uint8_t error = 0, status = 0, device = 0;
    uint16_t count = 0;
    uint64_t lba = 0;
    bool extend = false;
    bool failed() const { return (status & 0x21) != 0; }  // ERR (bit 0) or DF (bit 5)
};

// SPC-5 §4.4 sense data, fixed (70h/71h) or descriptor (72h/73h) format.
struct SenseData {
    uint8_t responseCode = 0;
    uint8_t key = 0, asc = 0, ascq = 0;
    std::optional<uint16_t> progress;  // sense-key-specific progress indication (/65536)
    std::optional<AtaRegisters> ata;
};

// Empty optional when `sense` holds no valid sense data.
std::optional<SenseData> parseSense(std::span<const uint8_t> sense);

// "ILLEGAL REQUEST (asc 20h ascq 00h)".
std::string describeSense(const SenseData& sense);

// The outcome of an ATA PASS-THROUGH: the registers, or SanitizeError saying which layer failed
// (ioctl, host, driver, SCSI status, sense key, missing ATA registers, or ERR/DF in the status).
// `what` names the command in the message. With `ckCond` (non-data commands) the registers must
// come back; without it, GOOD status means the command completed (registers then read 50h).
AtaRegisters checkAtaResult(const ScsiStatus& result, const std::string& what, bool ckCond);

// The outcome of a plain SCSI command: nullopt for GOOD, the sense for a CHECK CONDITION the caller
// may interpret (NOT READY with progress, or RECOVERED ERROR); throws for anything else.
std::optional<SenseData> checkScsiResult(const ScsiStatus& result, const std::string& what);

}  // namespace massho::erase::sanitize
