#include "massho/erase/target.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include "erase_fixtures.h"
#include "massho/testsupport/command.h"

namespace massho::erase {
namespace {

using testsupport::LoopOptions;

TargetError::Kind openErrorKind(const std::string& path, OpenOptions options = {}) {
    try {
        openTarget(path, options);
    } catch (const TargetError& e) {
        EXPECT_FALSE(std::string(e.what()).empty());
        return e.kind();
    }
    ADD_FAILURE() << path << " opened";
    return TargetError::Kind::Io;
}

TEST(Target, BlockDeviceReportsItsGeometry) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    test::FilledLoop disk(8u << 20, 0x00);
    auto target = openTarget(disk.loop->path());
    EXPECT_TRUE(target->isBlockDevice());
    EXPECT_TRUE(target->directIo());
    EXPECT_EQ(target->size(), 8u << 20);
    EXPECT_EQ(target->logicalSector(), 512u);
    EXPECT_EQ(target->path(), disk.loop->path());
    EXPECT_EQ(target->bufferAlignment(), 4096u);
}

TEST(Target, FourKibSectorDevice) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    test::FilledLoop disk(8u << 20, 0x00, LoopOptions{.sectorSize = 4096, .directIo = true});
    auto target = openTarget(disk.loop->path());
    EXPECT_EQ(target->logicalSector(), 4096u);
    EXPECT_EQ(target->physicalSector(), 4096u);
}

TEST(Target, ReadOnlyDeviceIsRefusedAndNothingIsWritten) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    test::FilledLoop disk(4u << 20, 0x5A, LoopOptions{.readOnly = true});
    EXPECT_EQ(openErrorKind(disk.loop->path()), TargetError::Kind::ReadOnly);
    EXPECT_EQ(test::firstNotEqual(test::readFile(disk.loop->backingFile().string()), 0x5A), -1);
}

TEST(Target, NonExistentPathIsNotFound) {
    EXPECT_EQ(openErrorKind("/dev/massho-no-such-disk"), TargetError::Kind::NotFound);
}

TEST(Target, RegularFileIsNotABlockDeviceUnlessAllowed) {
    testsupport::TempDir dir;
    const std::string file = (dir / "image").string();
    test::writeFilledFile(file, 1u << 20, 0x11);
    EXPECT_EQ(openErrorKind(file), TargetError::Kind::NotBlockDevice);
    EXPECT_EQ(openErrorKind(dir.path().string()), TargetError::Kind::NotBlockDevice);
    EXPECT_EQ(openErrorKind("/dev/null"), TargetError::Kind::NotBlockDevice);
    auto target = openTarget(file, {.allowRegularFile = true});
    EXPECT_FALSE(target->isBlockDevice());
    EXPECT_EQ(target->size(), 1u << 20);
}

TEST(Target, DeviceHeldExclusivelyIsBusy) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    test::FilledLoop disk(4u << 20, 0x00);
    const int holder = ::open(disk.loop->path().c_str(), O_RDONLY | O_EXCL | O_CLOEXEC);
    ASSERT_GE(holder, 0);
    EXPECT_EQ(openErrorKind(disk.loop->path()), TargetError::Kind::Busy);
    ::close(holder);
    EXPECT_NO_THROW(openTarget(disk.loop->path()));
}

TEST(Target, MountedDeviceIsBusy) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    test::FilledLoop disk(16u << 20, 0x00);
    testsupport::runChecked({"mkfs.ext4", "-q", "-F", disk.loop->path()});
    testsupport::TempDir mountPoint;
    ASSERT_EQ(::mount(disk.loop->path().c_str(), mountPoint.path().c_str(), "ext4", 0, nullptr), 0)
        << strerror(errno);
    const auto kind = openErrorKind(disk.loop->path());
    ::umount(mountPoint.path().c_str());
    EXPECT_EQ(kind, TargetError::Kind::Busy);
}

}  // namespace
}  // namespace massho::erase
