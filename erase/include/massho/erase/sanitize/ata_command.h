#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace massho::erase::sanitize {

// SAT-4 §12.2.2 / ATA PASS-THROUGH(16) PROTOCOL field values used here.
enum class AtaProtocol : uint8_t { NonData = 3, PioIn = 4, PioOut = 5 };

// An ATA command: the 48-bit task file plus how its data moves.
struct AtaCommand {
    uint16_t feature = 0;
    uint16_t count = 0;
    uint64_t lba = 0;  // 48 bits
    uint8_t device = 0;
    uint8_t command = 0;
    AtaProtocol protocol = AtaProtocol::NonData;
    bool extend = false;       // a 48-bit command (…EXT): the HOB bytes are meaningful
    uint16_t dataSectors = 0;  // 512-byte blocks moved (PIO in/out)
};

using Cdb16 = std::array<uint8_t, 16>;

// The ATA PASS-THROUGH(16) CDB (SAT-4 §12.2.2.2) for `command`. Non-data commands set CK_COND so
// that the device's status and output registers come back in the sense data.
Cdb16 ataPassThrough16(const AtaCommand& command);

// Builders (ACS-3 section of each command in the .cpp).
AtaCommand ataIdentifyDevice();
AtaCommand ataReadNativeMaxAddressExt();
AtaCommand ataDcoIdentify();
AtaCommand ataSecuritySetPassword();
AtaCommand ataSecurityErasePrepare();
AtaCommand ataSecurityEraseUnit();
AtaCommand ataSecurityDisablePassword();
AtaCommand ataSanitizeStatus(bool clearFailure);
AtaCommand ataSanitizeCryptoScramble(bool failureMode);
AtaCommand ataSanitizeBlockErase(bool failureMode);
AtaCommand ataSanitizeOverwrite(uint32_t pattern, uint8_t passes, bool failureMode);

// The 512-byte data block of SECURITY SET PASSWORD / ERASE UNIT / DISABLE PASSWORD (ACS-3
// §7.45 Table 51, §7.44 Table 50, §7.41 Table 47): word 0 bit 0 IDENTIFIER (0 = user password),
// bit 1 ENHANCED (ERASE UNIT only), bit 8 MASTER PASSWORD CAPABILITY (SET PASSWORD: 0 = High);
// words 1..16 the 32-byte password.
using AtaPasswordBlock = std::array<uint8_t, 512>;
inline constexpr std::size_t kAtaPasswordBytes = 32;
AtaPasswordBlock ataPasswordBlock(std::span<const uint8_t, kAtaPasswordBytes> password,
                                  bool enhanced);

}  // namespace massho::erase::sanitize
