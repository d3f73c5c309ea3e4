// A carry-out medium over 32 GiB: exFAT made by mkfs.exfat, files written in place by Massho
// (image/src/exfat_volume.cpp), then read as a receiver would: fsck.exfat (exfatprogs) finds the
// volume clean, and tests/support/exfat_cat.py, written from the exFAT specification and not from
// Massho's code, reads every file back. The medium is a sparse file: only the few MiB written
// take space.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "age_test_support.h"
#include "massho/image/carryout_package.h"
#include "massho/image/fat_medium.h"
#include "massho/image/package.h"
#include "massho/image/x25519_keys.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::image::test {
namespace {

namespace fs = std::filesystem;
using testsupport::LoopDevice;
using testsupport::runCommand;
using testsupport::TempDir;

constexpr uint64_t kGiB = 1ull << 30;
constexpr uint64_t kCluster = 128 * 1024;  // what mkfs.exfat picks for 33 GiB

fs::path sparseMedium(const TempDir& tmp, uint64_t bytes) {
    fs::path image = tmp / "usb.img";
    std::ofstream(image, std::ios::binary).close();
    fs::resize_file(image, bytes);
    return image;
}

std::string pattern(size_t bytes) {
    std::string s(bytes, '\0');
    for (size_t i = 0; i < bytes; ++i) s[i] = static_cast<char>((i * 2654435761u) >> 13);
    return s;
}

// The receiver's view of file `name` (its whole content, or the reader's complaint).
testsupport::CommandResult receive(const fs::path& image, const std::string& name) {
    return runCommand(
        {"python3", MASSHO_EXFAT_CAT, image.string(), std::to_string(kPartitionOffset), name});
}

TEST(ExfatMedium, ThirtyTwoGibibytesIsTheLastFat32Size) {
    TempDir tmp;
    const fs::path image = sparseMedium(tmp, 32 * kGiB + 512);
    EXPECT_EQ(maxFileBytes(image.string(), 32 * kGiB), (4 * kGiB) - 1);
    EXPECT_EQ(maxFileBytes(image.string(), 32 * kGiB + 512), UINT64_MAX);
}

// mkfs.exfat formats an image file, with 512-byte sectors: a drive whose logical sectors are
// 4 KiB could not mount that, so it stays FAT32 and a package over 4 GiB is refused for it.
TEST(ExfatMedium, ADriveWithFourKibibyteSectorsStaysFat32) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    TempDir tmp;
    LoopDevice drive(sparseMedium(tmp, 33 * kGiB), {.sectorSize = 4096});
    EXPECT_EQ(maxFileBytes(drive.path(), 33 * kGiB), (4 * kGiB) - 1);
    LoopDevice usual(drive.backingFile());
    EXPECT_EQ(maxFileBytes(usual.path(), 33 * kGiB), UINT64_MAX);
}

TEST(ExfatMedium, FilesOfEveryBoundarySizeArriveAndTheVolumeChecksClean) {
    MASSHO_REQUIRE_LOOP_DEVICES();  // fsck.exfat needs the partition as a device of its own
    TempDir tmp;
    const fs::path image = sparseMedium(tmp, 33 * kGiB);
    const FatMedium medium = prepareFatMedium(image.string(), 33 * kGiB, "massho");
    ASSERT_EQ(medium.filesystem, "exfat");
    EXPECT_EQ(readVolumeId(image.string()), medium.volumeId);

    const std::vector<std::pair<std::string, std::string>> files = {
        {"README.txt", "Massho carry-out medium\r\n"},
        {"empty.bin", ""},
        {"one.bin", "x"},
        {"cluster.bin", pattern(kCluster)},
        {"MASSHO-20261203-0A1B2C3D.tar.age", pattern(kCluster + 1)},  // three name entries
        {"two-clusters-less-one.bin", pattern(2 * kCluster - 1)},
    };
    for (const auto& [name, content] : files) writeSmallFile(medium, name, content);

    for (const auto& [name, content] : files) {
        auto got = receive(image, name);
        ASSERT_EQ(got.exitCode, 0) << name << ": " << got.err;
        EXPECT_EQ(got.out, content) << name;
        EXPECT_EQ(readBackFile(medium, name).bytes, content.size()) << name;
    }
    EXPECT_NE(receive(image, "readme.txt").exitCode, 0) << "names are stored as written";

    LoopDevice partition(image, {.readOnly = true, .offset = kPartitionOffset});
    auto fsck = runCommand({"fsck.exfat", "-n", partition.path()});
    EXPECT_EQ(fsck.exitCode, 0) << fsck.out << fsck.err;
    EXPECT_NE(fsck.out.find("clean. directories 1, files " + std::to_string(files.size())),
              std::string::npos)
        << fsck.out;
}

TEST(ExfatMedium, APackageIsReadBackAndOpenedWithAge) {
    TempDir tmp;
    const fs::path image = sparseMedium(tmp, 33 * kGiB);
    const FatMedium medium = prepareFatMedium(image.string(), 33 * kGiB, "massho");
    ASSERT_EQ(medium.filesystem, "exfat");
    const fs::path folder = tmp / "share";
    fs::create_directories(folder);
    writeFile(folder / "records.bin", pattern(3 * kCluster + 7));
    const X25519Identity id = X25519Identity::generate();
    writeFile(tmp / "office.key", id.toString() + "\n");

    const PackageWritten written = writePackage(medium, "MASSHO-20261203-0A1B2C3D.tar.age",
                                                planPackage({folder}), {{id.recipient()}}, {});
    auto got = receive(image, written.name);
    ASSERT_EQ(got.exitCode, 0) << got.err;
    EXPECT_EQ(got.out.size(), written.ciphertextBytes);
    writeFile(tmp / "package.tar.age", got.out);
    auto dec = runCommand({"age", "-d", "-i", (tmp / "office.key").string(), "-o",
                           (tmp / "package.tar").string(), (tmp / "package.tar.age").string()});
    ASSERT_EQ(dec.exitCode, 0) << dec.err;
    fs::create_directories(tmp / "received");
    auto untar = runCommand(
        {"tar", "-xf", (tmp / "package.tar").string(), "-C", (tmp / "received").string()});
    ASSERT_EQ(untar.exitCode, 0) << untar.err;
    EXPECT_EQ(readFile(tmp / "received" / "share" / "records.bin"), pattern(3 * kCluster + 7));
}

}  // namespace
}  // namespace massho::image::test
