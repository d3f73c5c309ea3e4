// Method advice per media type (NIST SP 800-88 Rev. 1 Appendix A).

#include "massho/erase/method_advice.h"

#include <gtest/gtest.h>

namespace massho::erase {
namespace {

TEST(MethodAdvice, NvmePrefersSanitizeCryptoThenFormat) {
    auto a = adviseMethod(MediaType::Nvme, {"nvme-format-user-data", "nvme-sanitize-crypto"});
    EXPECT_EQ(a.method->id, "nvme-sanitize-crypto");
    EXPECT_EQ(a.level, NistLevel::Purge);
    // QEMU's controller: Format with user-data erase only.
    a = adviseMethod(MediaType::Nvme, {"nvme-format-user-data"});
    EXPECT_EQ(a.method->id, "nvme-format-user-data");
    EXPECT_EQ(a.level, NistLevel::Purge);
}

TEST(MethodAdvice, SataSsdWithSecurityOnlyGetsClear) {
    const auto a = adviseMethod(MediaType::Ssd, {"ata-secure-erase", "ata-secure-erase-enhanced"});
    EXPECT_EQ(a.method->id, "ata-secure-erase-enhanced");
    EXPECT_EQ(a.level, NistLevel::Clear);  // security erase is only Clear on flash
    EXPECT_NE(a.advice.find("Clear only"), std::string::npos);
}

TEST(MethodAdvice, HddPrefersSanitizeOverwriteElseOnePass) {
    EXPECT_EQ(adviseMethod(MediaType::Hdd, {"ata-sanitize-overwrite"}).method->id,
              "ata-sanitize-overwrite");
    const auto a = adviseMethod(MediaType::Hdd, {});
    EXPECT_EQ(a.method->id, "zero");
    EXPECT_EQ(a.level, NistLevel::Clear);
}

TEST(MethodAdvice, UsbFlashGetsUsbClearAndTheAdviceToDestroy) {
    const auto a = adviseMethod(MediaType::UsbFlash, {"ata-sanitize-crypto"});
    EXPECT_EQ(a.method->id, "usb-clear");
    EXPECT_EQ(a.level, NistLevel::Clear);
    EXPECT_NE(a.advice.find("destroy"), std::string::npos);
}

}  // namespace
}  // namespace massho::erase
