// Byte-exact tests of every command built, against the spec and against what the peer tools send
// for the same operation (recorded with peer/capture_peers.sh in peer/peer_captures.txt: hdparm
// 9.65, sg3_utils 1.46, nvme-cli 2.4 on Debian 12).

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "massho/erase/sanitize/ata_command.h"
#include "massho/erase/sanitize/nvme_command.h"
#include "massho/erase/sanitize/scsi_command.h"

namespace massho::erase::sanitize {
namespace {

template <typename Bytes>
std::string hex(const Bytes& bytes) {
    std::ostringstream out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        char b[4];
        std::snprintf(b, sizeof b, "%02x", static_cast<unsigned>(bytes[i]));
        out << (i ? " " : "") << b;
    }
    return out.str();
}

std::string cdb(const AtaCommand& c) {
    return hex(ataPassThrough16(c));
}

// hdparm -I / --security-erase (first command).
TEST(AtaCdb, IdentifyDeviceEqualsHdparm) {
    EXPECT_EQ(cdb(ataIdentifyDevice()), "85 08 0e 00 00 00 01 00 00 00 00 00 00 40 ec 00");
}

TEST(AtaCdb, SecurityCommandsEqualHdparm) {
    EXPECT_EQ(cdb(ataSecuritySetPassword()), "85 0a 06 00 00 00 01 00 00 00 00 00 00 40 f1 00");
    EXPECT_EQ(cdb(ataSecurityErasePrepare()), "85 06 20 00 00 00 00 00 00 00 00 00 00 40 f3 00");
    EXPECT_EQ(cdb(ataSecurityEraseUnit()), "85 0a 06 00 00 00 01 00 00 00 00 00 00 40 f4 00");
    EXPECT_EQ(cdb(ataSecurityDisablePassword()), "85 0a 06 00 00 00 01 00 00 00 00 00 00 40 f6 00");
}

TEST(AtaCdb, PasswordBlocksEqualHdparm) {
    std::array<uint8_t, kAtaPasswordBytes> password{};
    password[0] = 'p';  // hdparm --user-master u --security-erase p
    const auto normal = ataPasswordBlock(password, false);
    const auto enhanced = ataPasswordBlock(password, true);
    EXPECT_EQ(hex(std::span(normal).first(6)), "00 00 70 00 00 00");
    EXPECT_EQ(hex(std::span(enhanced).first(6)), "02 00 70 00 00 00");
    EXPECT_EQ(std::count(normal.begin() + 3, normal.end(), 0), 509);
}

TEST(AtaCdb, HiddenAreaQueriesEqualHdparm) {
    EXPECT_EQ(cdb(ataReadNativeMaxAddressExt()),
              "85 07 20 00 00 00 00 00 00 00 00 00 00 40 27 00");  // hdparm -N (48-bit)
    EXPECT_EQ(cdb(ataDcoIdentify()),
              "85 08 0e 00 c2 00 01 00 00 00 00 00 00 40 b1 00");  // hdparm --dco-identify
}

TEST(AtaCdb, SanitizeEqualsHdparm) {
    EXPECT_EQ(cdb(ataSanitizeStatus(false)), "85 07 20 00 00 00 00 00 00 00 00 00 00 40 b4 00");
    EXPECT_EQ(cdb(ataSanitizeCryptoScramble(false)),
              "85 07 20 00 11 00 00 43 70 00 79 00 72 40 b4 00");
    EXPECT_EQ(cdb(ataSanitizeBlockErase(false)), "85 07 20 00 12 00 00 42 72 00 45 00 6b 40 b4 00");
}

// hdparm --sanitize-overwrite sends COUNT 0 (16 passes, ACS-3 §7.43.5); we ask for one pass,
// the only difference (byte 6).
TEST(AtaCdb, SanitizeOverwriteIsHdparmWithOnePass) {
    EXPECT_EQ(cdb(ataSanitizeOverwrite(0, 1, false)),
              "85 07 20 00 14 00 01 00 00 57 00 4f 00 40 b4 00");
    EXPECT_EQ(cdb(ataSanitizeOverwrite(0x11223344, 0, true)),
              "85 07 20 00 14 00 10 11 44 57 33 4f 22 40 b4 00");
}

TEST(AtaCdb, SanitizeFailureModeAndClearBits) {
    EXPECT_EQ(ataSanitizeCryptoScramble(true).count, 0x10);  // ACS-3 §7.43.4 COUNT bit 4
    EXPECT_EQ(ataSanitizeStatus(true).count, 0x01);          // CLEAR SANITIZE OPERATION FAILED
}

NvmeAdminCommand withBuffer(NvmeAdminCommand (*build)(std::span<uint8_t>)) {
    static std::array<uint8_t, 4096> buffer;
    return build(buffer);
}

// nvme id-ctrl, id-ns, sanitize-log.
TEST(NvmeCommand, IdentifyAndLogEqualNvmeCli) {
    const auto ctrl = withBuffer(nvmeIdentifyController);
    EXPECT_EQ(ctrl.opcode, 0x06);
    EXPECT_EQ(ctrl.nsid, 0u);
    EXPECT_EQ(ctrl.cdw10, 0x00000001u);
    EXPECT_EQ(ctrl.data.size(), 4096u);
    std::array<uint8_t, 4096> buffer{};
    const auto ns = nvmeIdentifyNamespace(1, buffer);
    EXPECT_EQ(ns.opcode, 0x06);
    EXPECT_EQ(ns.nsid, 1u);
    EXPECT_EQ(ns.cdw10, 0x00000000u);
    const auto log = withBuffer(nvmeGetSanitizeLog);
    EXPECT_EQ(log.opcode, 0x02);
    EXPECT_EQ(log.nsid, 0xFFFFFFFFu);
    EXPECT_EQ(log.cdw10, 0x007F0081u);
    EXPECT_EQ(log.data.size(), 512u);
}

// nvme format --ses=1 / --ses=2 on a namespace in LBA format 0.
TEST(NvmeCommand, FormatEqualsNvmeCli) {
    const auto user = nvmeFormat(1, NvmeSecureErase::UserData, {});
    EXPECT_EQ(user.opcode, 0x80);
    EXPECT_EQ(user.nsid, 1u);
    EXPECT_EQ(user.cdw10, 0x00000200u);
    EXPECT_EQ(nvmeFormat(1, NvmeSecureErase::Crypto, {}).cdw10, 0x00000400u);
}

// NVMe Base 2.0 §5.14 Figure 318: the current format is kept field by field.
TEST(NvmeCommand, FormatKeepsTheCurrentLbaFormat) {
    NvmeLbaFormat f;
    f.index = 0x13;  // LBAFU 01b, LBAFL 3h
    f.metadataInline = true;
    f.protection = 2;
    f.protectionFirst = true;
    EXPECT_EQ(nvmeFormat(7, NvmeSecureErase::UserData, f).cdw10,
              0x3u | 1u << 4 | 2u << 5 | 1u << 8 | 1u << 9 | 1u << 12);
}

// nvme sanitize --sanact=2 / 4 / 3 --owpass=1 --ovrpat=0.
TEST(NvmeCommand, SanitizeEqualsNvmeCli) {
    const auto block = nvmeSanitize(NvmeSanitizeAction::BlockErase, false, 1, 0);
    EXPECT_EQ(block.opcode, 0x84);
    EXPECT_EQ(block.nsid, 0u);
    EXPECT_EQ(block.cdw10, 0x00000002u);
    EXPECT_EQ(nvmeSanitize(NvmeSanitizeAction::CryptoErase, false, 1, 0).cdw10, 0x00000004u);
    const auto overwrite = nvmeSanitize(NvmeSanitizeAction::Overwrite, false, 1, 0);
    EXPECT_EQ(overwrite.cdw10, 0x00000013u);
    EXPECT_EQ(overwrite.cdw11, 0u);
    // AUSE bit 3; NDAS (bit 9) is never set.
    EXPECT_EQ(nvmeSanitize(NvmeSanitizeAction::ExitFailureMode, true, 0, 0).cdw10, 0x9u);
}

TEST(ScsiCdb, SanitizeMatchesSbc4) {
    EXPECT_EQ(hex(scsiSanitizeCdb(ScsiSanitizeAction::BlockErase, false, 0)),
              "48 82 00 00 00 00 00 00 00 00");
    EXPECT_EQ(hex(scsiSanitizeCdb(ScsiSanitizeAction::CryptoErase, false, 0)),
              "48 83 00 00 00 00 00 00 00 00");
    EXPECT_EQ(hex(scsiSanitizeCdb(ScsiSanitizeAction::Overwrite, false, 8)),
              "48 81 00 00 00 00 00 00 08 00");
    EXPECT_EQ(hex(scsiSanitizeCdb(ScsiSanitizeAction::ExitFailureMode, true, 0)),
              "48 bf 00 00 00 00 00 00 00 00");
    EXPECT_EQ(hex(scsiSanitizeOverwriteParameters(0xA5A5A5A5, 1)), "01 00 00 04 a5 a5 a5 a5");
}

// sg_opcodes --opcode=0x48,2 (allocation length 8192 there, 64 here); sg_requests (252 there).
TEST(ScsiCdb, ReportOpcodesAndRequestSenseEqualSg3Utils) {
    EXPECT_EQ(hex(scsiReportOpcodeCdb(0x48, 2, 0x2000)), "a3 0c 02 48 00 02 00 00 20 00 00 00");
    EXPECT_EQ(hex(scsiReportOpcodeCdb(0x04, -1, 0x40)), "a3 0c 01 04 00 00 00 00 00 40 00 00");
    EXPECT_EQ(hex(scsiRequestSenseCdb(0xFC)), "03 00 00 00 fc 00");
}

TEST(ScsiCdb, OpcodeSupportField) {
    EXPECT_TRUE(scsiOpcodeSupported(std::vector<uint8_t>{0, 0x03, 0, 10}));
    EXPECT_TRUE(scsiOpcodeSupported(std::vector<uint8_t>{0, 0x05, 0, 10}));
    EXPECT_FALSE(scsiOpcodeSupported(std::vector<uint8_t>{0, 0x01, 0, 0}));
    EXPECT_FALSE(scsiOpcodeSupported(std::vector<uint8_t>{0, 0x00, 0, 0}));
}

}  // namespace
}  // namespace massho::erase::sanitize
