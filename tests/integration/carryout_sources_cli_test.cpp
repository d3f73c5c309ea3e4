// Carry-out of a source FAT32 cannot hold: a 5 GB file (a database dump). The real `massho`
// binary on a real loop device. (100,000 small files: carryout_many_files_cli_test.cpp, label
// long.)
#include "carryout_sources_fixture.h"

namespace massho::testing {
namespace {

using testsupport::LoopDevice;

// FAT32 keeps a file's size in 32 bits, and the package is one file: a 5 GB source cannot go
// out on it. Before, the medium was erased and formatted before the package could fail at
// 4 GiB − 1 byte (where mcopy stops); now it is refused before the medium is touched.
TEST_F(CarryOutSourcesCliTest, AFiveGigabyteFileIsRefusedBeforeTheMediumIsTouched) {
    const fs::path dump = sources_ / "dump.bin";
    std::ofstream(dump, std::ios::binary) << "head of a 5 GB dump";
    fs::resize_file(dump, 5'000'000'000);  // sparse: nothing is read before the refusal
    LoopDevice medium(tmp_ / "usb.img", 8192 * kMiB);
    medium.writeAt(0, std::vector<uint8_t>(4096, 0x5A));

    auto r = carryout(medium.path(), dump);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("too large for one file on FAT32"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("under 4 GiB"), std::string::npos) << r.err;
    EXPECT_EQ(countKind("carry-out-started"), 0u);
    EXPECT_EQ(countKind("erasure-started"), 0u);
    std::ifstream image(tmp_ / "usb.img", std::ios::binary);
    std::string head(4096, '\0');
    image.read(head.data(), static_cast<std::streamsize>(head.size()));
    EXPECT_EQ(head, std::string(4096, '\x5A')) << "the medium was touched";
}

// exFAT (and so a package over 4 GiB) only on a medium over 32 GiB: at exactly 32 GiB, with
// exfatprogs installed, the medium would still be FAT32, and the 5 GB file is refused as above,
// before anything is written or recorded. (Over 32 GiB it goes out: carryout_large_file_cli_test,
// label long.)
TEST_F(CarryOutSourcesCliTest, AtThirtyTwoGibibytesTheFiveGigabyteFileIsStillRefused) {
    const fs::path dump = sources_ / "dump.bin";
    std::ofstream(dump, std::ios::binary) << "head of a 5 GB dump";
    fs::resize_file(dump, 5'000'000'000);
    LoopDevice medium(tmp_ / "usb.img", 32 * 1024 * kMiB);  // sparse: nothing is written
    medium.writeAt(0, std::vector<uint8_t>(4096, 0x5A));
    const size_t entriesBefore = entries().size();

    auto r = carryout(medium.path(), dump);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("package too large for one file on FAT32"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("on a medium over 32 GiB"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("FAT32 holds at most 4294967295 in a file"), std::string::npos) << r.err;
    EXPECT_EQ(entries().size(), entriesBefore) << "an input error records nothing";
    std::ifstream image(tmp_ / "usb.img", std::ios::binary);
    std::string head(4096, '\0');
    image.read(head.data(), static_cast<std::streamsize>(head.size()));
    EXPECT_EQ(head, std::string(4096, '\x5A')) << "the medium was touched";
}

}  // namespace
}  // namespace massho::testing
