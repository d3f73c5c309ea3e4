#include "massho/erase/sanitize/ata_identify.h"

#include <numeric>

#include "massho/erase/sanitize/sanitize_error.h"

namespace massho::erase::sanitize {
namespace {

uint16_t word(std::span<const uint8_t> b, int w) {
    return static_cast<uint16_t>(b[2 * w] | b[2 * w + 1] << 8);
}

bool bit(uint16_t value, int n) {
    return (value >> n) & 1;
}

// ATA strings hold two characters per word, the first in the high byte (ACS-3 §3.4.9); trailing
// spaces are padding.
std::string ataString(std::span<const uint8_t> b, int firstWord, int words) {
    std::string s;
    for (int w = firstWord; w < firstWord + words; ++w) {
        s += static_cast<char>(b[2 * w + 1]);
        s += static_cast<char>(b[2 * w]);
    }
    const auto end = s.find_last_not_of(" \0", std::string::npos, 2);
    s.erase(end == std::string::npos ? 0 : end + 1);
    const auto begin = s.find_first_not_of(' ');
    return begin == std::string::npos ? std::string{} : s.substr(begin);
}

// Words 89/90 (ACS-3 §7.12.7.39/40): bit 15 set = extended format (bits 14:0 × 2 min, 7FFFh
// "more than 65532 min"), else bits 7:0 × 2 min, FFh "more than 508 min"; 0 = not reported.
std::optional<uint32_t> eraseMinutes(uint16_t w, bool& atLeast) {
    const bool extended = bit(w, 15);
    const uint32_t value = extended ? (w & 0x7FFF) : (w & 0xFF);
    atLeast = value == (extended ? 0x7FFFu : 0xFFu);
    if (value == 0) return std::nullopt;
    return value * 2;
}

uint64_t qword(std::span<const uint8_t> b, int firstWord, int words) {
    uint64_t v = 0;
    for (int i = words - 1; i >= 0; --i) v = v << 16 | word(b, firstWord + i);
    return v;
}

}  // namespace

AtaIdentity parseAtaIdentify(std::span<const uint8_t> b) {
    using K = SanitizeError::Kind;
    if (b.size() != 512) throw SanitizeError(K::Io, "IDENTIFY DEVICE data is not 512 bytes");
    if (bit(word(b, 0), 15))
        throw SanitizeError(K::Unsupported, "the device is ATAPI, not an ATA disk");
    // Word 255 (ACS-3 §7.12.7.80): when bits 7:0 are A5h, all 512 bytes sum to 0 mod 256.
    if ((word(b, 255) & 0xFF) == 0xA5 && std::accumulate(b.begin(), b.end(), 0u) % 256 != 0) {
        throw SanitizeError(K::Io,
                            "IDENTIFY DEVICE checksum is wrong: the transfer was corrupted; "
                            "check the cable or bridge");
    }
    AtaIdentity id;
    id.serial = ataString(b, 10, 10);
    id.firmware = ataString(b, 23, 4);
    id.model = ataString(b, 27, 20);
    const uint16_t w82 = word(b, 82), w83 = word(b, 83), w128 = word(b, 128), w59 = word(b, 59);
    id.lba48 = bit(w83, 10);
    id.userSectors = id.lba48 ? qword(b, 100, 4) : qword(b, 60, 2);
    id.hpaSupported = bit(w82, 10);
    id.dcoSupported = bit(w83, 11);
    id.securitySupported = bit(w82, 1) && bit(w128, 0);
    id.securityEnabled = bit(w128, 1);
    id.securityLocked = bit(w128, 2);
    id.securityFrozen = bit(w128, 3);
    id.securityCountExpired = bit(w128, 4);
    id.enhancedEraseSupported = bit(w128, 5);
    id.normalEraseMinutes = eraseMinutes(word(b, 89), id.normalEraseAtLeast);
    id.enhancedEraseMinutes = eraseMinutes(word(b, 90), id.enhancedEraseAtLeast);
    id.sanitizeSupported = bit(w59, 12);
    id.cryptoScrambleSupported = id.sanitizeSupported && bit(w59, 13);
    id.overwriteSupported = id.sanitizeSupported && bit(w59, 14);
    id.blockEraseSupported = id.sanitizeSupported && bit(w59, 15);
    id.rotational = word(b, 217) != 0x0001;
    return id;
}

uint64_t parseDcoMaxLba(std::span<const uint8_t> b) {
    if (b.size() != 512 || word(b, 0) != 0x0002) {
        throw SanitizeError(SanitizeError::Kind::Io,
                            "DEVICE CONFIGURATION IDENTIFY data has an unknown revision");
    }
    return qword(b, 3, 4);
}

}  // namespace massho::erase::sanitize
