#include "massho/erase/sanitize/sense.h"

#include <cstdio>
#include <cstring>

#include "massho/erase/sanitize/sanitize_error.h"

namespace massho::erase::sanitize {
namespace {

constexpr uint8_t kGood = 0x00, kCheckCondition = 0x02;
constexpr uint16_t kDriverSense = 0x08;  // linux/scsi: sense data is valid
constexpr uint8_t kNoSense = 0x0, kRecoveredError = 0x1, kNotReady = 0x2;

const char* senseKeyName(uint8_t key) {
    static const char* const names[16] = {
        "NO SENSE",       "RECOVERED ERROR", "NOT READY",      "MEDIUM ERROR",
        "HARDWARE ERROR", "ILLEGAL REQUEST", "UNIT ATTENTION", "DATA PROTECT",
        "BLANK CHECK",    "VENDOR SPECIFIC", "COPY ABORTED",   "ABORTED COMMAND",
        "RESERVED",       "VOLUME OVERFLOW", "MISCOMPARE",     "COMPLETED"};
    return names[key & 0x0F];
}

// SAT-4 §12.2.2.7 ATA Status Return sense data descriptor (code 09h, additional length 0Ch).
AtaRegisters ataFromDescriptor(std::span<const uint8_t> d) {
    AtaRegisters r;
    r.extend = d[2] & 1;
    r.error = d[3];
    r.count = static_cast<uint16_t>(d[4] << 8 | d[5]);
    r.lba = uint64_t{d[10]} << 40 | uint64_t{d[8]} << 32 | uint64_t{d[6]} << 24 |
            uint64_t{d[11]} << 16 | uint64_t{d[9]} << 8 | d[7];
    r.device = d[12];
    r.status = d[13];
    return r;
}

// SAT-4 §12.2.2.6 fixed format: INFORMATION = ERROR, STATUS, DEVICE, COUNT(7:0); COMMAND-SPECIFIC
// INFORMATION byte 8 EXTEND bit 7, bytes 9..11 LBA (7:0), (15:8), (23:16).
AtaRegisters ataFromFixed(std::span<const uint8_t> s) {
    AtaRegisters r;
    r.error = s[3];
    r.status = s[4];
    r.device = s[5];
    r.count = s[6];
    r.extend = s[8] & 0x80;
    r.lba = uint64_t{s[11]} << 16 | uint64_t{s[10]} << 8 | s[9];
    return r;
}

void parseDescriptors(std::span<const uint8_t> s, SenseData& out) {
    const std::size_t end = std::min<std::size_t>(s.size(), 8u + s[7]);
    for (std::size_t i = 8; i + 2 <= end;) {
        const uint8_t code = s[i];
        const std::size_t length = 2u + s[i + 1];
        if (i + length > end) break;
        const auto d = s.subspan(i, length);
        if (code == 0x09 && length >= 14) out.ata = ataFromDescriptor(d);
        // SPC-5 §4.4.2.4.1 sense key specific descriptor (02h): SKSV byte 4 bit 7, bytes 5..6.
        if (code == 0x02 && length >= 8 && (d[4] & 0x80))
            out.progress = static_cast<uint16_t>(d[5] << 8 | d[6]);
        i += length;
    }
}

std::string hex(unsigned value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02Xh", value);
    return buf;
}

SanitizeError commandFailed(const std::string& what, const std::string& why) {
    return SanitizeError(SanitizeError::Kind::CommandFailed, what + " failed: " + why);
}

// Checks the layers below the SCSI status (ioctl, host adapter, driver).
void checkTransport(const ScsiStatus& r, const std::string& what) {
    if (r.ioctlErrno != 0) {
        throw SanitizeError(SanitizeError::Kind::Io,
                            what + ": SG_IO failed (" + std::strerror(r.ioctlErrno) +
                                "): the device does not accept SCSI commands");
    }
    if (r.hostStatus != 0)
        throw commandFailed(what, "host status " + hex(r.hostStatus) + ": check the connection");
    if ((r.driverStatus & ~kDriverSense) != 0)
        throw commandFailed(what, "driver status " + hex(r.driverStatus));
}

}  // namespace

std::optional<SenseData> parseSense(std::span<const uint8_t> s) {
    if (s.size() < 8) return std::nullopt;
    SenseData out;
    out.responseCode = s[0] & 0x7F;
    if (out.responseCode == 0x72 || out.responseCode == 0x73) {
        out.key = s[1] & 0x0F;
        out.asc = s[2];
        out.ascq = s[3];
        parseDescriptors(s, out);
        return out;
    }
    if ((out.responseCode == 0x70 || out.responseCode == 0x71) && s.size() >= 18) {
        out.key = s[2] & 0x0F;
        out.asc = s[12];
        out.ascq = s[13];
        if (s[15] & 0x80) out.progress = static_cast<uint16_t>(s[16] << 8 | s[17]);
        // ATA PASS-THROUGH INFORMATION AVAILABLE (00h/1Dh) marks fixed-format ATA registers.
        if (out.asc == 0x00 && out.ascq == 0x1D) out.ata = ataFromFixed(s);
        return out;
    }
    return std::nullopt;
}

std::string describeSense(const SenseData& s) {
    return std::string(senseKeyName(s.key)) + " (asc " + hex(s.asc) + " ascq " + hex(s.ascq) + ")";
}

AtaRegisters checkAtaResult(const ScsiStatus& r, const std::string& what, bool ckCond) {
    checkTransport(r, what);
    if (r.status == kGood && !ckCond) return AtaRegisters{0, 0x50, 0x40, 0, 0, false};
    if (r.status != kCheckCondition) {
        // CK_COND is set, so GOOD without registers means a translator that ignored it.
        throw commandFailed(what, r.status == kGood
                                      ? "the device returned no ATA registers (CK_COND ignored)"
                                      : "SCSI status " + hex(r.status));
    }
    const auto sense = parseSense(r.sense);
    if (!sense) throw commandFailed(what, "CHECK CONDITION without valid sense data");
    if (sense->key != kNoSense && sense->key != kRecoveredError) {
        if (sense->ata && sense->ata->failed()) {
            throw commandFailed(what, "the drive aborted it (ATA status " +
                                          hex(sense->ata->status) + " error " +
                                          hex(sense->ata->error) + ")");
        }
        throw commandFailed(
            what, describeSense(*sense) + ": the device or its bridge does not pass ATA commands");
    }
    if (!sense->ata) throw commandFailed(what, "sense data holds no ATA registers");
    if (sense->ata->failed()) {
        throw commandFailed(what, "the drive aborted it (ATA status " + hex(sense->ata->status) +
                                      " error " + hex(sense->ata->error) + ")");
    }
    return *sense->ata;
}

std::optional<SenseData> checkScsiResult(const ScsiStatus& r, const std::string& what) {
    checkTransport(r, what);
    if (r.status == kGood) return std::nullopt;
    if (r.status != kCheckCondition) throw commandFailed(what, "SCSI status " + hex(r.status));
    const auto sense = parseSense(r.sense);
    if (!sense) throw commandFailed(what, "CHECK CONDITION without valid sense data");
    if (sense->key == kNoSense || sense->key == kRecoveredError || sense->key == kNotReady)
        return sense;
    throw commandFailed(what, describeSense(*sense));
}

}  // namespace massho::erase::sanitize
