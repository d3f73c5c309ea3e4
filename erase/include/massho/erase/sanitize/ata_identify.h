#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace massho::erase::sanitize {

// What IDENTIFY DEVICE says about erasure (ACS-3 §7.12.7, words little-endian).
struct AtaIdentity {
    std::string model, serial, firmware;
    uint64_t userSectors = 0;   // words 100..103 when 48-bit addressing, else words 60..61
    bool lba48 = false;         // word 83 bit 10
    bool hpaSupported = false;  // word 82 bit 10
    bool dcoSupported = false;  // word 83 bit 11
    // Word 128 (and word 82 bit 1): the Security feature set.
    bool securitySupported = false, securityEnabled = false, securityLocked = false,
         securityFrozen = false, securityCountExpired = false, enhancedEraseSupported = false;
    // Words 89/90: minutes, nullopt when not reported; `...AtLeast` when the drive says "more
    // than".
    std::optional<uint32_t> normalEraseMinutes, enhancedEraseMinutes;
    bool normalEraseAtLeast = false, enhancedEraseAtLeast = false;
    // Word 59 bits 12..15: SANITIZE and its sub-commands.
    bool sanitizeSupported = false, cryptoScrambleSupported = false, overwriteSupported = false,
         blockEraseSupported = false;
    bool rotational = true;  // word 217: 0001h = non-rotating (solid state)
};

// Parse a 512-byte IDENTIFY DEVICE block. Throw SanitizeError when it is not one (wrong size,
// an ATAPI device, or a failed word 255 checksum).
AtaIdentity parseAtaIdentify(std::span<const uint8_t> block);

// DEVICE CONFIGURATION IDENTIFY data (ACS-2 §7.9.4 Table 26): words 3..6 the maximum LBA the
// DCO allows. Throw SanitizeError when the block is not DCO data (revision word 0 != 0002h).
uint64_t parseDcoMaxLba(std::span<const uint8_t> block);

}  // namespace massho::erase::sanitize
