#include "massho/erase/sanitize/nvme_identify.h"

#include "massho/erase/sanitize/sanitize_error.h"

namespace massho::erase::sanitize {
namespace {

uint64_t le(std::span<const uint8_t> d, std::size_t offset, std::size_t bytes) {
    uint64_t v = 0;
    for (std::size_t i = bytes; i-- > 0;) v = v << 8 | d[offset + i];
    return v;
}

// ASCII fields padded with spaces (§5.17.2.1 SN, MN, FR).
std::string ascii(std::span<const uint8_t> d, std::size_t offset, std::size_t bytes) {
    std::string s(reinterpret_cast<const char*>(d.data() + offset), bytes);
    const auto end = s.find_last_not_of(std::string(" \0", 2));
    s.erase(end == std::string::npos ? 0 : end + 1);
    return s;
}

void requireSize(std::span<const uint8_t> d, std::size_t size, const char* what) {
    if (d.size() < size)
        throw SanitizeError(SanitizeError::Kind::Io, std::string(what) + " data is too short");
}

}  // namespace

NvmeController parseNvmeController(std::span<const uint8_t> d) {
    requireSize(d, kNvmeIdentifyBytes, "Identify Controller");
    NvmeController c;
    c.serial = ascii(d, 4, 20);                     // bytes 23:04 SN
    c.model = ascii(d, 24, 40);                     // bytes 63:24 MN
    c.firmware = ascii(d, 64, 8);                   // bytes 71:64 FR
    c.oacs = static_cast<uint16_t>(le(d, 256, 2));  // bytes 257:256 OACS
    c.formatSupported = c.oacs & 0x2;
    c.sanicap = static_cast<uint32_t>(le(d, 328, 4));  // bytes 331:328 SANICAP
    c.sanitizeCrypto = c.sanicap & 0x1;
    c.sanitizeBlock = c.sanicap & 0x2;
    c.sanitizeOverwrite = c.sanicap & 0x4;
    c.namespaceCount = static_cast<uint32_t>(le(d, 516, 4));  // bytes 519:516 NN
    c.fna = d[524];                                           // byte 524 FNA
    c.formatAppliesToAll = c.fna & 0x1;
    c.secureEraseAppliesToAll = c.fna & 0x2;
    c.cryptoEraseSupported = c.fna & 0x4;
    return c;
}

NvmeNamespace parseNvmeNamespace(std::span<const uint8_t> d) {
    requireSize(d, kNvmeIdentifyBytes, "Identify Namespace");
    NvmeNamespace n;
    n.sizeBlocks = le(d, 0, 8);   // bytes 7:0 NSZE
    const uint8_t flbas = d[26];  // byte 26 FLBAS: bits 3:0 and 6:5 the format index, bit 4
    n.format.index = static_cast<uint8_t>((flbas & 0x0F) | ((flbas >> 5) & 0x03) << 4);
    n.format.metadataInline = flbas & 0x10;
    const uint8_t dps = d[29];  // byte 29 DPS: bits 2:0 PI type, bit 3 PI first
    n.format.protection = dps & 0x07;
    n.format.protectionFirst = dps & 0x08;
    // bytes 131:128 + 4n LBAF n: bits 15:0 MS, bits 23:16 LBADS.
    const uint32_t lbaf = static_cast<uint32_t>(le(d, 128 + 4u * n.format.index, 4));
    n.metadataBytes = static_cast<uint16_t>(lbaf & 0xFFFF);
    const unsigned lbads = (lbaf >> 16) & 0xFF;
    if (lbads < 9 || lbads > 31)
        throw SanitizeError(SanitizeError::Kind::Io,
                            "Identify Namespace reports no valid LBA size");
    n.blockBytes = 1u << lbads;
    return n;
}

NvmeSanitizeStatus parseNvmeSanitizeLog(std::span<const uint8_t> d) {
    requireSize(d, 20, "Sanitize Status log");
    NvmeSanitizeStatus s;
    s.progress = static_cast<uint16_t>(le(d, 0, 2));        // bytes 1:0 SPROG
    const auto sstat = static_cast<uint16_t>(le(d, 2, 2));  // bytes 3:2 SSTAT
    const unsigned state = sstat & 0x7;
    s.state = state <= 4 ? static_cast<NvmeSanitizeStatus::State>(state)
                         : NvmeSanitizeStatus::State::Failed;
    s.overwritePasses = (sstat >> 3) & 0x1F;
    s.globalDataErased = sstat & 0x100;
    s.lastCdw10 = static_cast<uint32_t>(le(d, 4, 4));
    s.estimateOverwrite = static_cast<uint32_t>(le(d, 8, 4));
    s.estimateBlock = static_cast<uint32_t>(le(d, 12, 4));
    s.estimateCrypto = static_cast<uint32_t>(le(d, 16, 4));
    return s;
}

}  // namespace massho::erase::sanitize
