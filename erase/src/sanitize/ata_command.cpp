#include "massho/erase/sanitize/ata_command.h"

#include <cstring>

namespace massho::erase::sanitize {
namespace {

// SAT-4 §12.2.2.2 byte 2 flags.
constexpr uint8_t kCkCond = 0x20;
constexpr uint8_t kTDirFromDevice = 0x08;
constexpr uint8_t kBytBlok = 0x04;         // T_LENGTH counts blocks
constexpr uint8_t kTLengthInCount = 0x02;  // ... given in the COUNT field

// DEVICE field bit 6 (ACS-3: LBA addressing, "shall be set to one" where defined). hdparm sets it
// for every command, and so do we, so that our CDBs equal the peer's byte for byte.
constexpr uint8_t kDeviceLba = 0x40;

AtaCommand nonData(uint8_t opcode) {
    AtaCommand c;
    c.command = opcode;
    c.device = kDeviceLba;
    return c;
}

AtaCommand pio(uint8_t opcode, AtaProtocol protocol) {
    AtaCommand c;
    c.command = opcode;
    c.protocol = protocol;
    c.count = 1;
    c.dataSectors = 1;
    c.device = kDeviceLba;
    return c;
}

// ACS-3 §7.43 SANITIZE DEVICE feature set: SANITIZE (B4h), 48-bit, the sub-command in FEATURE.
AtaCommand sanitize(uint16_t feature, uint16_t count, uint64_t lba) {
    AtaCommand c = nonData(0xB4);
    c.extend = true;
    c.feature = feature;
    c.count = count;
    c.lba = lba;
    return c;
}

constexpr uint16_t kFailureModeBit = 1u << 4;  // ACS-3 §7.43.3/4/5 COUNT bit 4 FAILURE MODE

}  // namespace

Cdb16 ataPassThrough16(const AtaCommand& c) {
    Cdb16 cdb{};
    cdb[0] = 0x85;  // ATA PASS-THROUGH(16)
    cdb[1] = static_cast<uint8_t>(static_cast<uint8_t>(c.protocol) << 1 | (c.extend ? 1 : 0));
    // CK_COND on non-data commands (their result is in the registers); data commands report
    // errors through CHECK CONDITION anyway. hdparm 9.65 uses the same flags.
    uint8_t flags = c.dataSectors == 0 ? kCkCond : 0;
    if (c.dataSectors > 0) {
        flags |= kBytBlok | kTLengthInCount;
        if (c.protocol == AtaProtocol::PioIn) flags |= kTDirFromDevice;
    }
    cdb[2] = flags;
    cdb[3] = static_cast<uint8_t>(c.feature >> 8);
    cdb[4] = static_cast<uint8_t>(c.feature);
    cdb[5] = static_cast<uint8_t>(c.count >> 8);
    cdb[6] = static_cast<uint8_t>(c.count);
    cdb[7] = static_cast<uint8_t>(c.lba >> 24);   // LBA (31:24)
    cdb[8] = static_cast<uint8_t>(c.lba);         // LBA (7:0)
    cdb[9] = static_cast<uint8_t>(c.lba >> 32);   // LBA (39:32)
    cdb[10] = static_cast<uint8_t>(c.lba >> 8);   // LBA (15:8)
    cdb[11] = static_cast<uint8_t>(c.lba >> 40);  // LBA (47:40)
    cdb[12] = static_cast<uint8_t>(c.lba >> 16);  // LBA (23:16)
    cdb[13] = c.device;
    cdb[14] = c.command;
    return cdb;
}

// ACS-3 §7.12 IDENTIFY DEVICE (ECh), PIO data-in, one 512-byte block.
AtaCommand ataIdentifyDevice() {
    return pio(0xEC, AtaProtocol::PioIn);
}

// ACS-2 §7.31 READ NATIVE MAX ADDRESS EXT (27h): the native max LBA comes back in the LBA field.
AtaCommand ataReadNativeMaxAddressExt() {
    AtaCommand c = nonData(0x27);
    c.extend = true;
    return c;
}

// ACS-2 §7.9.4 DEVICE CONFIGURATION IDENTIFY: B1h with FEATURE C2h, PIO data-in.
AtaCommand ataDcoIdentify() {
    AtaCommand c = pio(0xB1, AtaProtocol::PioIn);
    c.feature = 0xC2;
    return c;
}

// ACS-3 §7.45 SECURITY SET PASSWORD (F1h), §7.42 ERASE PREPARE (F3h), §7.44 ERASE UNIT (F4h),
// §7.41 DISABLE PASSWORD (F6h).
AtaCommand ataSecuritySetPassword() {
    return pio(0xF1, AtaProtocol::PioOut);
}
AtaCommand ataSecurityErasePrepare() {
    return nonData(0xF3);
}
AtaCommand ataSecurityEraseUnit() {
    return pio(0xF4, AtaProtocol::PioOut);
}
AtaCommand ataSecurityDisablePassword() {
    return pio(0xF6, AtaProtocol::PioOut);
}

// ACS-3 §7.43.6 SANITIZE STATUS EXT: FEATURE 0000h; COUNT bit 0 CLEAR SANITIZE OPERATION FAILED.
AtaCommand ataSanitizeStatus(bool clearFailure) {
    return sanitize(0x0000, clearFailure ? 1 : 0, 0);
}

// ACS-3 §7.43.4 CRYPTO SCRAMBLE EXT: FEATURE 0011h, LBA 0000_4372_7970h ("Cryptp").
AtaCommand ataSanitizeCryptoScramble(bool failureMode) {
    return sanitize(0x0011, failureMode ? kFailureModeBit : 0, 0x0000'4372'7970ull);
}

// ACS-3 §7.43.3 BLOCK ERASE EXT: FEATURE 0012h, LBA 0000_426B_4572h ("BkEr").
AtaCommand ataSanitizeBlockErase(bool failureMode) {
    return sanitize(0x0012, failureMode ? kFailureModeBit : 0, 0x0000'426B'4572ull);
}

// ACS-3 §7.43.5 OVERWRITE EXT: FEATURE 0014h, LBA 47:32 = 4F57h ("OW"), LBA 31:0 = pattern,
// COUNT bits 3:0 OVERWRITE PASS COUNT (0 means 16), bit 4 FAILURE MODE, bit 7 INVERT (left 0).
AtaCommand ataSanitizeOverwrite(uint32_t pattern, uint8_t passes, bool failureMode) {
    const uint16_t count =
        static_cast<uint16_t>((passes & 0x0F) | (failureMode ? kFailureModeBit : 0));
    return sanitize(0x0014, count, 0x4F57ull << 32 | pattern);
}

AtaPasswordBlock ataPasswordBlock(std::span<const uint8_t, kAtaPasswordBytes> password,
                                  bool enhanced) {
    AtaPasswordBlock block{};
    block[0] = enhanced ? 0x02 : 0x00;  // word 0: user password, High level, ENHANCED bit 1
    std::memcpy(block.data() + 2, password.data(), password.size());  // words 1..16
    return block;
}

}  // namespace massho::erase::sanitize
