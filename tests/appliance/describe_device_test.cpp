// describeDevice refuses paths that are not block devices with a typed, one-line error.
#include <gtest/gtest.h>

#include <fstream>

#include "massho/appliance/devices.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::appliance {
namespace {

DeviceError::Kind kindOf(const std::string& path) {
    try {
        describeDevice(path);
    } catch (const DeviceError& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        return e.kind();
    }
    ADD_FAILURE() << "describeDevice(" << path << ") did not throw";
    return DeviceError::Kind::Unsupported;
}

TEST(DevicesDescribe, RegularFileIsNotABlockDevice) {
    testsupport::TempDir tmp;
    std::ofstream(tmp / "file.img") << "not a disk";
    EXPECT_EQ(kindOf((tmp / "file.img").string()), DeviceError::Kind::NotBlockDevice);
}

TEST(DevicesDescribe, FolderAndCharacterDeviceAreNotBlockDevices) {
    testsupport::TempDir tmp;
    EXPECT_EQ(kindOf(tmp.path().string()), DeviceError::Kind::NotBlockDevice);
    EXPECT_EQ(kindOf("/dev/null"), DeviceError::Kind::NotBlockDevice);
}

TEST(DevicesDescribe, MissingPathIsNotFound) {
    testsupport::TempDir tmp;
    EXPECT_EQ(kindOf((tmp / "no-such-disk").string()), DeviceError::Kind::NotFound);
    EXPECT_EQ(kindOf((tmp / "no-such-dir" / "disk").string()), DeviceError::Kind::NotFound);
}

TEST(DevicesDescribe, BlockDeviceMasshoDoesNotHandleIsUnsupported) {
    // zram is compressed RAM (swap), never a medium to erase.
    if (!std::filesystem::is_block_file("/dev/zram0")) GTEST_SKIP() << "no /dev/zram0 here";
    EXPECT_EQ(kindOf("/dev/zram0"), DeviceError::Kind::Unsupported);
}

TEST(DevicesDescribe, SymlinkToALoopDeviceResolvesToIt) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    testsupport::LoopDevice loop(tmp / "disk.img", 8 << 20);
    std::filesystem::create_symlink(loop.path(), tmp / "by-id-link");
    BlockDevice d = describeDevice((tmp / "by-id-link").string());
    EXPECT_EQ(d.path, loop.path());
    EXPECT_EQ(d.sizeBytes, 8u << 20);
}

}  // namespace
}  // namespace massho::appliance
