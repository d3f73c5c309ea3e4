// Capability parsers and result checks: IDENTIFY DEVICE, Identify Controller/Namespace, the
// Sanitize Status log, sense data, and the layered SG_IO result check.

#include <gtest/gtest.h>

#include <cerrno>

#include "fake_drives.h"
#include "massho/erase/sanitize/ata_identify.h"
#include "massho/erase/sanitize/nvme_identify.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "massho/erase/sanitize/sense.h"
#include "sanitize_refusal.h"

namespace massho::erase::sanitize {
namespace {

using testing::identifyBlock;

// QEMU 7.2 ide-hd on AHCI: word 82 = 4021h, word 128 = 0.
TEST(AtaIdentify, QemuSataHasNoSecurity) {
    const auto id = parseAtaIdentify(identifyBlock({{82, 0x4021}, {83, 0x7400}, {100, 0x8000}}));
    EXPECT_FALSE(id.securitySupported);
    EXPECT_FALSE(id.sanitizeSupported);
    EXPECT_TRUE(id.lba48);
    EXPECT_EQ(id.userSectors, 0x8000u);
    EXPECT_EQ(id.model, "Massho Fake SSD");
    EXPECT_EQ(id.serial, "FAKE0001");
    EXPECT_EQ(id.firmware, "1.0");
}

TEST(AtaIdentify, SecurityWordAndSanitizeBits) {
    const auto id = parseAtaIdentify(identifyBlock(
        {{82, 0x0002}, {128, 0x002F}, {59, 0xB000}, {89, 0x0005}, {90, 0x80FF}, {217, 1}}));
    EXPECT_TRUE(id.securitySupported);
    EXPECT_TRUE(id.securityEnabled);
    EXPECT_TRUE(id.securityLocked);
    EXPECT_TRUE(id.securityFrozen);
    EXPECT_TRUE(id.enhancedEraseSupported);
    EXPECT_TRUE(id.sanitizeSupported);
    EXPECT_TRUE(id.cryptoScrambleSupported);
    EXPECT_FALSE(id.overwriteSupported);
    EXPECT_TRUE(id.blockEraseSupported);
    EXPECT_EQ(id.normalEraseMinutes, 10u);
    EXPECT_EQ(id.enhancedEraseMinutes, 510u);  // extended format: FFh × 2
    EXPECT_FALSE(id.rotational);
}

TEST(AtaIdentify, EraseTimeMeaningMoreThan) {
    const auto id = parseAtaIdentify(identifyBlock({{89, 0x00FF}}));
    EXPECT_EQ(id.normalEraseMinutes, 510u);
    EXPECT_TRUE(id.normalEraseAtLeast);
    EXPECT_FALSE(id.enhancedEraseMinutes.has_value());
}

TEST(AtaIdentify, RejectsBadChecksumAndAtapi) {
    auto block = identifyBlock({{255, 0x00A5}});  // signature without a matching checksum
    EXPECT_EQ(testing::refusalOf([&] { parseAtaIdentify(block); }),
              testing::Refusal(SanitizeError::Kind::Io,
                               "IDENTIFY DEVICE checksum is wrong: the transfer was corrupted; "
                               "check the cable or bridge"));
    uint8_t sum = 0;
    for (int i = 0; i < 511; ++i) sum = static_cast<uint8_t>(sum + block[i]);
    block[511] = static_cast<uint8_t>(-sum);
    EXPECT_NO_THROW(parseAtaIdentify(block));
    const auto atapi = identifyBlock({{0, 0x8580}});
    EXPECT_EQ(
        testing::refusalOf([&] { parseAtaIdentify(atapi); }),
        testing::Refusal(SanitizeError::Kind::Unsupported, "the device is ATAPI, not an ATA disk"));
}

TEST(AtaIdentify, DcoMaximumLba) {
    EXPECT_EQ(parseDcoMaxLba(identifyBlock({{0, 2}, {3, 0x5678}, {4, 0x1234}})), 0x12345678u);
    const auto revision1 = identifyBlock({{0, 1}});
    EXPECT_EQ(testing::refusalOf([&] { parseDcoMaxLba(revision1); }),
              testing::Refusal(SanitizeError::Kind::Io,
                               "DEVICE CONFIGURATION IDENTIFY data has an unknown revision"));
}

std::array<uint8_t, 4096> controllerData(uint16_t oacs, uint8_t fna, uint32_t sanicap) {
    testing::FakeNvme nvme;
    nvme.oacs = oacs;
    nvme.fna = fna;
    nvme.sanicap = sanicap;
    std::array<uint8_t, 4096> data{};
    nvme.execute(nvmeIdentifyController(data));
    return data;
}

TEST(NvmeIdentify, QemuController) {
    const auto c = parseNvmeController(controllerData(0x10A, 0, 0));
    EXPECT_TRUE(c.formatSupported);
    EXPECT_FALSE(c.cryptoEraseSupported);
    EXPECT_FALSE(c.sanitizeCrypto || c.sanitizeBlock || c.sanitizeOverwrite);
    EXPECT_EQ(c.model, "QEMU NVMe Ctrl");
    EXPECT_EQ(c.serial, "FAKENVME");
    EXPECT_EQ(c.namespaceCount, 1u);
}

TEST(NvmeIdentify, FnaAndSanicapBits) {
    const auto c = parseNvmeController(controllerData(0x0002, 0x07, 0x6000'0005));
    EXPECT_TRUE(c.formatAppliesToAll);
    EXPECT_TRUE(c.secureEraseAppliesToAll);
    EXPECT_TRUE(c.cryptoEraseSupported);
    EXPECT_TRUE(c.sanitizeCrypto);
    EXPECT_FALSE(c.sanitizeBlock);
    EXPECT_TRUE(c.sanitizeOverwrite);
}

TEST(NvmeIdentify, NamespaceCurrentFormat) {
    testing::FakeNvme nvme;
    nvme.flbas = 0x01;
    std::array<uint8_t, 4096> data{};
    nvme.execute(nvmeIdentifyNamespace(1, data));
    const auto ns = parseNvmeNamespace(data);
    EXPECT_EQ(ns.sizeBlocks, 2048u);
    EXPECT_EQ(ns.format.index, 1);
    EXPECT_EQ(ns.blockBytes, 4096u);
}

TEST(NvmeIdentify, SanitizeStatusLog) {
    std::array<uint8_t, 512> log{};
    log[0] = 0x00;
    log[1] = 0x80;   // SPROG 8000h
    log[2] = 0x02;   // in progress
    log[3] = 0x01;   // global data erased
    log[16] = 0x3C;  // crypto erase estimate 60 s
    const auto s = parseNvmeSanitizeLog(log);
    EXPECT_EQ(s.progress, 0x8000);
    EXPECT_EQ(s.state, NvmeSanitizeStatus::State::InProgress);
    EXPECT_TRUE(s.globalDataErased);
    EXPECT_EQ(s.estimateCrypto, 60u);
    log[2] = 0x03;
    EXPECT_EQ(parseNvmeSanitizeLog(log).state, NvmeSanitizeStatus::State::Failed);
}

TEST(Sense, DescriptorWithAtaRegisters) {
    const auto r = testing::ataRegisters(0x50, 0x00, 0xC000, 0x0000'4372'7970ull);
    const auto s = parseSense(r.sense);
    ASSERT_TRUE(s && s->ata);
    EXPECT_EQ(s->key, 0x01);
    EXPECT_EQ(s->ata->count, 0xC000);
    EXPECT_EQ(s->ata->lba, 0x43727970u);
    EXPECT_EQ(s->ata->status, 0x50);
}

TEST(Sense, FixedFormatProgress) {
    std::vector<uint8_t> fixed(18, 0);
    fixed[0] = 0x70;
    fixed[2] = 0x02;  // NOT READY
    fixed[12] = 0x04;
    fixed[13] = 0x1B;  // SANITIZE IN PROGRESS
    fixed[15] = 0x80;
    fixed[16] = 0x40;
    const auto s = parseSense(fixed);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->progress, 0x4000);
    EXPECT_EQ(describeSense(*s), "NOT READY (asc 04h ascq 1Bh)");
}

TEST(AtaResultCheck, AcceptsRegistersAndGoodDataCommands) {
    EXPECT_EQ(checkAtaResult(testing::ataRegisters(0x50, 0, 1, 2), "X", true).count, 1);
    EXPECT_EQ(checkAtaResult(testing::ataGood(), "X", false).status, 0x50);
}

// Every layer is checked; the message says which.
TEST(AtaResultCheck, RefusesEachLayer) {
    auto message = [](const ScsiStatus& r, bool ckCond) {
        try {
            checkAtaResult(r, "IDENTIFY DEVICE", ckCond);
        } catch (const SanitizeError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    ScsiStatus ioctlFailed;
    ioctlFailed.ioctlErrno = ENOTTY;
    EXPECT_NE(message(ioctlFailed, false).find("SG_IO failed"), std::string::npos);
    ScsiStatus host;
    host.hostStatus = 0x07;
    EXPECT_NE(message(host, false).find("host status 07h"), std::string::npos);
    ScsiStatus driver;
    driver.driverStatus = 0x06;
    EXPECT_NE(message(driver, false).find("driver status 06h"), std::string::npos);
    // QEMU's USB bridge: ioctl 0, status 02h, driver 08h, ILLEGAL REQUEST.
    EXPECT_NE(message(testing::illegalRequest(), false).find("ILLEGAL REQUEST"), std::string::npos);
    // QEMU's AHCI for security commands: status 41h error 04h.
    EXPECT_NE(message(testing::ataRegisters(0x41, 0x04, 0, 0), true).find("status 41h"),
              std::string::npos);
    // CK_COND asked for, GOOD came back without registers.
    EXPECT_NE(message(testing::ataGood(), true).find("no ATA registers"), std::string::npos);
}

}  // namespace
}  // namespace massho::erase::sanitize
