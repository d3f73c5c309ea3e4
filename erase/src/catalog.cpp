#include <algorithm>

#include "massho/erase/method.h"

namespace massho::erase {
namespace {

using P = PassSpec;
using L = std::array<NistLevel, kMediaTypeCount>;
constexpr NistLevel N = NistLevel::None, C = NistLevel::Clear, U = NistLevel::Purge;

// True when some pass is immediately followed by its complement: NIST SP 800-88 Rev. 1 Appendix A
// asks this of Clear on USB flash and memory cards ("at least two passes, a pattern in the first
// and its complement in the second").
bool hasPatternThenComplement(const std::vector<PassSpec>& passes) {
    for (std::size_t i = 1; i < passes.size(); ++i) {
        const PassSpec& a = passes[i - 1];
        const PassSpec& b = passes[i];
        if (b.kind == PassSpec::Kind::Complement && b.complementOf == static_cast<int>(i)) {
            return true;
        }
        if (a.kind == PassSpec::Kind::Constant && b.kind == PassSpec::Kind::Constant &&
            b.bytes[0] == static_cast<uint8_t>(~a.bytes[0])) {
            return true;
        }
    }
    return false;
}

// An overwrite is Clear on every medium and never Purge (NIST SP 800-88 Rev. 1 Appendix A).
L overwriteLevels(const std::vector<PassSpec>& passes) {
    const NistLevel flash = hasPatternThenComplement(passes) ? C : N;
    //       hdd ssd nvme usb-flash memory-card virtual unknown
    return L{C, C, C, flash, flash, C, C};
}

Method overwrite(std::string id, std::string name, std::string description,
                 std::vector<PassSpec> passes, VerifyMode verify) {
    Method m{std::move(id),
             std::move(name),
             std::move(description),
             false,
             std::move(passes),
             verify,
             {}};
    m.nist = overwriteLevels(m.passes);
    return m;
}

Method hardware(std::string id, std::string name, std::string description, L levels) {
    return Method{std::move(id),      std::move(name), std::move(description), true, {},
                  VerifyMode::Sample, levels};
}

std::vector<PassSpec> gutmannPasses() {
    std::vector<PassSpec> p(4, P::random());
    p.push_back(P::constant(0x55));
    p.push_back(P::constant(0xAA));
    p.push_back(P::repeating({0x92, 0x49, 0x24}));
    p.push_back(P::repeating({0x49, 0x24, 0x92}));
    p.push_back(P::repeating({0x24, 0x92, 0x49}));
    for (int b = 0x00; b <= 0xFF; b += 0x11) p.push_back(P::constant(static_cast<uint8_t>(b)));
    p.push_back(P::repeating({0x92, 0x49, 0x24}));
    p.push_back(P::repeating({0x49, 0x24, 0x92}));
    p.push_back(P::repeating({0x24, 0x92, 0x49}));
    p.push_back(P::repeating({0x6D, 0xB6, 0xDB}));
    p.push_back(P::repeating({0xB6, 0xDB, 0x6D}));
    p.push_back(P::repeating({0xDB, 0x6D, 0xB6}));
    for (int i = 0; i < 4; ++i) p.push_back(P::random());
    return p;
}

// The catalog, in display order. Hardware levels per medium follow NIST SP 800-88 Rev. 1
// Appendix A: security erase is only Clear on flash; a command of another
// interface, and anything on removable flash, is "none".
std::vector<Method> buildCatalog() {
    const auto S = VerifyMode::Sample, F = VerifyMode::Full;
    std::vector<Method> m;
    m.push_back(overwrite("zero", "Zero fill", "One pass of 0x00.", {P::constant(0x00)}, S));
    m.push_back(overwrite("random", "Random fill",
                          "One pass of an AES-128-CTR keystream with a fresh random key.",
                          {P::random()}, S));
    m.push_back(overwrite("dod-3", "DoD 5220.22-M (E)",
                          "Three passes: a character, its complement, random.",
                          {P::constant(0x00), P::constant(0xFF), P::random()}, S));
    m.push_back(overwrite("dod-7", "DoD 5220.22-M (ECE)",
                          "Seven passes: char, complement, random, char, char, complement, random.",
                          {P::constant(0x00), P::constant(0xFF), P::random(), P::constant(0x00),
                           P::constant(0x00), P::constant(0xFF), P::random()},
                          S));
    m.push_back(
        overwrite("gutmann", "Gutmann",
                  "35 passes: 4 random, 27 fixed patterns in the published order, 4 random.",
                  gutmannPasses(), S));
    m.push_back(
        overwrite("vsitr", "BSI VSITR", "Seven passes: 00, FF, 00, FF, 00, FF, AA.",
                  {P::constant(0x00), P::constant(0xFF), P::constant(0x00), P::constant(0xFF),
                   P::constant(0x00), P::constant(0xFF), P::constant(0xAA)},
                  S));
    m.push_back(overwrite("hmg-is5-enhanced", "HMG IS5 Enhanced",
                          "Three passes: 00, FF, random; then a full verification.",
                          {P::constant(0x00), P::constant(0xFF), P::random()}, F));
    m.push_back(overwrite("usb-clear", "USB / memory card Clear",
                          "Two passes: random, then its complement; then a full verification "
                          "(NIST SP 800-88 Clear for removable flash).",
                          {P::random(), P::complement(1)}, F));
    //                                 hdd ssd nvme usb card virt unkn
    m.push_back(hardware("ata-secure-erase", "ATA Security Erase Unit",
                         "The drive's own SECURITY ERASE UNIT (normal erase).",
                         L{C, C, N, N, N, N, N}));
    m.push_back(hardware("ata-secure-erase-enhanced", "ATA Enhanced Security Erase",
                         "SECURITY ERASE UNIT with the enhanced bit.", L{U, C, N, N, N, N, N}));
    m.push_back(hardware("ata-sanitize-crypto", "ATA Sanitize Crypto Scramble",
                         "SANITIZE CRYPTO SCRAMBLE EXT: changes the internal encryption key.",
                         L{U, U, N, N, N, N, N}));
    m.push_back(hardware("ata-sanitize-block", "ATA Sanitize Block Erase",
                         "SANITIZE BLOCK ERASE EXT: erases every flash block.",
                         L{N, U, N, N, N, N, N}));
    m.push_back(hardware("ata-sanitize-overwrite", "ATA Sanitize Overwrite",
                         "SANITIZE OVERWRITE EXT: the drive overwrites every sector itself.",
                         L{U, C, N, N, N, N, N}));
    m.push_back(hardware("nvme-format-user-data", "NVMe Format (user data erase)",
                         "Format NVM with SES=1.", L{N, N, U, N, N, N, N}));
    m.push_back(hardware("nvme-format-crypto", "NVMe Format (cryptographic erase)",
                         "Format NVM with SES=2, only where FNA says crypto erase is supported.",
                         L{N, N, U, N, N, N, N}));
    m.push_back(hardware("nvme-sanitize-crypto", "NVMe Sanitize Crypto Erase",
                         "Sanitize with SANACT=4.", L{N, N, U, N, N, N, N}));
    m.push_back(hardware("nvme-sanitize-block", "NVMe Sanitize Block Erase",
                         "Sanitize with SANACT=2.", L{N, N, U, N, N, N, N}));
    m.push_back(hardware("nvme-sanitize-overwrite", "NVMe Sanitize Overwrite",
                         "Sanitize with SANACT=3.", L{N, N, U, N, N, N, N}));
    m.push_back(hardware("scsi-sanitize-crypto", "SCSI Sanitize Cryptographic Erase",
                         "SANITIZE (48h) service action 03h.", L{U, U, N, N, N, N, N}));
    m.push_back(hardware("scsi-sanitize-block", "SCSI Sanitize Block Erase",
                         "SANITIZE (48h) service action 02h.", L{N, U, N, N, N, N, N}));
    m.push_back(hardware("scsi-sanitize-overwrite", "SCSI Sanitize Overwrite",
                         "SANITIZE (48h) service action 01h.", L{U, C, N, N, N, N, N}));
    return m;
}

}  // namespace

const std::vector<Method>& catalog() {
    static const std::vector<Method> methods = buildCatalog();
    return methods;
}

const Method* findMethod(std::string_view id) {
    const auto& all = catalog();
    auto it = std::find_if(all.begin(), all.end(), [&](const Method& m) { return m.id == id; });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace massho::erase
