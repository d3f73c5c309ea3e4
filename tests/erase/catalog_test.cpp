#include <gtest/gtest.h>

#include <set>

#include "erase_fixtures.h"
#include "massho/erase/erasure.h"
#include "massho/erase/method.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::erase {
namespace {

const std::vector<std::string> kOverwriteIds{
    "zero", "dod-3", "dod-7", "gutmann", "vsitr", "hmg-is5-enhanced", "usb-clear", "random"};
const std::vector<std::string> kHardwareIds{
    "ata-secure-erase",        "ata-secure-erase-enhanced", "ata-sanitize-crypto",
    "ata-sanitize-block",      "ata-sanitize-overwrite",    "nvme-format-user-data",
    "nvme-format-crypto",      "nvme-sanitize-crypto",      "nvme-sanitize-block",
    "nvme-sanitize-overwrite", "scsi-sanitize-crypto",      "scsi-sanitize-block",
    "scsi-sanitize-overwrite"};

std::vector<std::string> descriptions(const Method& m) {
    std::vector<std::string> out;
    for (const auto& p : m.passes) out.push_back(p.describe());
    return out;
}

TEST(Catalog, HoldsEveryMethodOfTheCliContractOnce) {
    std::set<std::string> ids;
    for (const Method& m : catalog()) EXPECT_TRUE(ids.insert(m.id).second) << m.id;
    for (const auto& id : kOverwriteIds) {
        const Method* m = findMethod(id);
        ASSERT_NE(m, nullptr) << id;
        EXPECT_FALSE(m->hardware);
        EXPECT_FALSE(m->passes.empty());
    }
    for (const auto& id : kHardwareIds) {
        const Method* m = findMethod(id);
        ASSERT_NE(m, nullptr) << id;
        EXPECT_TRUE(m->hardware);
        EXPECT_TRUE(m->passes.empty());
    }
    EXPECT_EQ(findMethod("shred-everything"), nullptr);
}

TEST(Catalog, PassesAreThoseOfTheStandards) {
    using V = std::vector<std::string>;
    const std::string R = "random (AES-128-CTR)";
    EXPECT_EQ(descriptions(*findMethod("zero")), V{"0x00"});
    EXPECT_EQ(descriptions(*findMethod("random")), V{R});
    EXPECT_EQ(descriptions(*findMethod("dod-3")), (V{"0x00", "0xFF", R}));
    EXPECT_EQ(descriptions(*findMethod("dod-7")),
              (V{"0x00", "0xFF", R, "0x00", "0x00", "0xFF", R}));
    EXPECT_EQ(descriptions(*findMethod("vsitr")),
              (V{"0x00", "0xFF", "0x00", "0xFF", "0x00", "0xFF", "0xAA"}));
    EXPECT_EQ(descriptions(*findMethod("hmg-is5-enhanced")), (V{"0x00", "0xFF", R}));
    EXPECT_EQ(descriptions(*findMethod("usb-clear")), (V{R, "complement of pass 1"}));
    EXPECT_EQ(findMethod("hmg-is5-enhanced")->defaultVerify, VerifyMode::Full);
    EXPECT_EQ(findMethod("usb-clear")->defaultVerify, VerifyMode::Full);
    EXPECT_EQ(findMethod("zero")->defaultVerify, VerifyMode::Sample);
}

// Gutmann (1996), table 3, in the published order.
TEST(Catalog, GutmannHasIts35PassesInOrder) {
    const std::string R = "random (AES-128-CTR)";
    std::vector<std::string> expected{
        R, R, R, R, "0x55", "0xAA", "0x92 0x49 0x24", "0x49 0x24 0x92", "0x24 0x92 0x49"};
    for (const char* b : {"0x00", "0x11", "0x22", "0x33", "0x44", "0x55", "0x66", "0x77", "0x88",
                          "0x99", "0xAA", "0xBB", "0xCC", "0xDD", "0xEE", "0xFF"}) {
        expected.push_back(b);
    }
    for (const char* p : {"0x92 0x49 0x24", "0x49 0x24 0x92", "0x24 0x92 0x49", "0x6D 0xB6 0xDB",
                          "0xB6 0xDB 0x6D", "0xDB 0x6D 0xB6"}) {
        expected.push_back(p);
    }
    for (int i = 0; i < 4; ++i) expected.push_back(R);
    ASSERT_EQ(expected.size(), 35u);
    EXPECT_EQ(descriptions(*findMethod("gutmann")), expected);
}

TEST(Catalog, OverwriteIsClearNeverPurge) {
    for (const auto& id : kOverwriteIds) {
        const Method* m = findMethod(id);
        for (MediaType t : {MediaType::Hdd, MediaType::Ssd, MediaType::Nvme, MediaType::Virtual,
                            MediaType::Unknown}) {
            EXPECT_EQ(m->nistLevel(t), NistLevel::Clear) << id << " " << toString(t);
        }
        for (MediaType t : {MediaType::UsbFlash, MediaType::MemoryCard}) {
            EXPECT_NE(m->nistLevel(t), NistLevel::Purge) << id;
        }
    }
}

// NIST SP 800-88 Rev. 1 Appendix A: Clear on removable flash needs a pattern then its complement.
TEST(Catalog, RemovableFlashClearNeedsPatternAndComplement) {
    EXPECT_EQ(findMethod("zero")->nistLevel(MediaType::UsbFlash), NistLevel::None);
    EXPECT_EQ(findMethod("random")->nistLevel(MediaType::MemoryCard), NistLevel::None);
    EXPECT_EQ(findMethod("usb-clear")->nistLevel(MediaType::UsbFlash), NistLevel::Clear);
    EXPECT_EQ(findMethod("dod-3")->nistLevel(MediaType::MemoryCard), NistLevel::Clear);
    EXPECT_FALSE(nistPurgeExists(MediaType::UsbFlash));
    EXPECT_FALSE(nistPurgeExists(MediaType::MemoryCard));
    EXPECT_TRUE(nistPurgeExists(MediaType::Nvme));
}

TEST(Catalog, HardwareLevelsFollowTheInterface) {
    EXPECT_EQ(findMethod("nvme-format-crypto")->nistLevel(MediaType::Nvme), NistLevel::Purge);
    EXPECT_EQ(findMethod("nvme-format-crypto")->nistLevel(MediaType::Hdd), NistLevel::None);
    EXPECT_EQ(findMethod("ata-secure-erase-enhanced")->nistLevel(MediaType::Hdd), NistLevel::Purge);
    EXPECT_EQ(findMethod("ata-secure-erase-enhanced")->nistLevel(MediaType::Ssd), NistLevel::Clear);
    EXPECT_EQ(findMethod("ata-sanitize-block")->nistLevel(MediaType::Ssd), NistLevel::Purge);
    for (const auto& id : kHardwareIds) {
        EXPECT_EQ(findMethod(id)->nistLevel(MediaType::UsbFlash), NistLevel::None) << id;
    }
}

TEST(Catalog, NamesRoundTrip) {
    for (MediaType t : {MediaType::Hdd, MediaType::Ssd, MediaType::Nvme, MediaType::UsbFlash,
                        MediaType::MemoryCard, MediaType::Virtual, MediaType::Unknown}) {
        EXPECT_EQ(parseMediaType(toString(t)), t);
    }
    EXPECT_EQ(toString(MediaType::UsbFlash), "usb-flash");
    EXPECT_EQ(toString(MediaType::MemoryCard), "memory-card");
    EXPECT_EQ(toString(NistLevel::Purge), "purge");
    EXPECT_EQ(parseVerifyMode("sample"), VerifyMode::Sample);
    EXPECT_EQ(parseVerifyMode("full"), VerifyMode::Full);
    EXPECT_EQ(parseVerifyMode("none"), VerifyMode::None);
    EXPECT_FALSE(parseVerifyMode("quick").has_value());
    EXPECT_EQ(toString(Outcome::Cancelled), "cancelled");
    EXPECT_EQ(toString(VerifyResult::NotRun), "not-run");
}

TEST(Catalog, HardwareMethodsRefuseToRunAsPassesAndWriteNothing) {
    testsupport::TempDir dir;
    const std::string file = (dir / "image").string();
    test::writeFilledFile(file, 1 << 20, 0x5A);
    auto target = openTarget(file, {.allowRegularFile = true});
    EraseOptions options;
    options.method = findMethod("nvme-sanitize-crypto");
    try {
        runErasure(*target, options);
        FAIL() << "a hardware method ran";
    } catch (const EraseError& e) {
        EXPECT_NE(std::string(e.what()).find("is a drive command"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::firstNotEqual(test::readFile(file), 0x5A), -1);
}

}  // namespace
}  // namespace massho::erase
