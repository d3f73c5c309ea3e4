// Discovery and the guard on real loop devices (root): sizes, sector sizes, read-only, ext4
// mounts, dos/gpt partition tables with filesystems found by libblkid, protected paths.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <filesystem>

#include "massho/appliance/devices.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::appliance {
namespace {

namespace fs = std::filesystem;
using testsupport::LoopDevice;
using testsupport::runChecked;
using testsupport::runCommand;
using testsupport::TempDir;

constexpr uint64_t kMiB = 1ull << 20;

// Mounts a device on a folder; unmounts in the destructor, so a failing test leaves nothing.
class Mounted {
  public:
    Mounted(const std::string& device, const fs::path& dir) : dir_(dir) {
        fs::create_directories(dir_);
        auto r = runCommand({"mount", device, dir_.string()});
        if (r.exitCode != 0) throw std::runtime_error("mount " + device + " failed: " + r.err);
    }
    ~Mounted() { runCommand({"umount", dir_.string()}); }
    Mounted(const Mounted&) = delete;
    Mounted& operator=(const Mounted&) = delete;
    const fs::path& dir() const { return dir_; }

  private:
    fs::path dir_;
};

// A partition table written with sfdisk and announced to the kernel with `partx -a` (the kernel
// here has no partition parsers); `partx -d` in the destructor.
class Partitioned {
  public:
    Partitioned(const LoopDevice& loop, const std::string& sfdiskScript) : device_(loop.path()) {
        runChecked({"sfdisk", "-q", "--no-reread", "--no-tell-kernel", device_}, sfdiskScript);
        runChecked({"partx", "-a", device_});
    }
    ~Partitioned() { runCommand({"partx", "-d", device_}); }
    Partitioned(const Partitioned&) = delete;
    Partitioned& operator=(const Partitioned&) = delete;

  private:
    std::string device_;
};

const BlockDevice* findByPath(const std::vector<BlockDevice>& devices, const std::string& path) {
    auto it = std::find_if(devices.begin(), devices.end(),
                           [&](const BlockDevice& d) { return d.path == path; });
    return it == devices.end() ? nullptr : &*it;
}

GuardOptions allowingPartitions() {
    GuardOptions options;
    options.allowPartitions = true;
    return options;
}

GuardOptions protecting(const fs::path& path) {
    GuardOptions options;
    options.protectedPaths.push_back(path);
    return options;
}

class DevicesLoop : public ::testing::Test {
  protected:
    void SetUp() override { MASSHO_REQUIRE_LOOP_DEVICES(); }
    TempDir tmp;
};

TEST_F(DevicesLoop, FreshLoopDeviceIsEligibleWithItsSizeAndSectors) {
    LoopDevice loop(tmp / "disk.img", 64 * kMiB);
    BlockDevice d = describeDevice(loop.path());
    EXPECT_EQ(d.path, loop.path());
    EXPECT_EQ(d.name, loop.name());
    EXPECT_EQ(d.transport, "loop");
    EXPECT_EQ(d.mediaType, "virtual");
    EXPECT_EQ(d.sizeBytes, 64 * kMiB);
    EXPECT_EQ(d.logicalSector, 512u);
    EXPECT_EQ(d.physicalSector, 512u);
    EXPECT_EQ(d.backingFile, (tmp / "disk.img").string());
    EXPECT_TRUE(d.wholeDisk);
    EXPECT_FALSE(d.readOnly);
    EXPECT_FALSE(d.system);
    EXPECT_FALSE(d.mounted);
    EXPECT_FALSE(d.held);
    EXPECT_TRUE(d.eligible) << d.reason;
    EXPECT_EQ(d.reason, "");

    // discoverDevices lists it with the same facts.
    auto devices = discoverDevices();
    const BlockDevice* listed = findByPath(devices, loop.path());
    ASSERT_NE(listed, nullptr);
    EXPECT_EQ(listed->sizeBytes, 64 * kMiB);
    EXPECT_TRUE(listed->eligible) << listed->reason;
}

// massho.conf [devices] probe = no: discovery sends no identify command to any drive. A loop
// device has no drive commands, so with the probe on its note says the probe looked; off, the
// probe never ran, for it and for every other disk of this machine.
TEST_F(DevicesLoop, WithTheProbeOffNoDriveIsAskedWhatItCanDo) {
    LoopDevice loop(tmp / "disk.img", 8 * kMiB);
    EXPECT_EQ(describeDevice(loop.path()).capabilities.note,
              "no drive commands for transport 'loop'");

    GuardOptions off;
    off.probeCapabilities = false;
    const BlockDevice d = describeDevice(loop.path(), off);
    EXPECT_EQ(d.capabilities.interface, "none");
    EXPECT_TRUE(d.capabilities.methods.empty());
    EXPECT_TRUE(d.eligible) << "the probe decides nothing about eligibility: " << d.reason;
    for (const BlockDevice& listed : discoverDevices(off)) {
        EXPECT_EQ(listed.capabilities.interface, "none") << listed.path;
        EXPECT_NE(listed.capabilities.note.find("not probed"), std::string::npos)
            << listed.path << ": " << listed.capabilities.note;
    }
}

TEST_F(DevicesLoop, SectorSizeOf4096IsReported) {
    LoopDevice loop(tmp / "disk.img", 16 * kMiB, {.sectorSize = 4096});
    BlockDevice d = describeDevice(loop.path());
    EXPECT_EQ(d.logicalSector, 4096u);
    EXPECT_EQ(d.physicalSector, 4096u);
    EXPECT_EQ(d.sizeBytes, 16 * kMiB);
}

TEST_F(DevicesLoop, ReadOnlyLoopDeviceIsRefused) {
    LoopDevice loop(tmp / "disk.img", 16 * kMiB, {.readOnly = true});
    BlockDevice d = describeDevice(loop.path());
    EXPECT_TRUE(d.readOnly);
    EXPECT_FALSE(d.eligible);
    EXPECT_NE(d.reason.find("read-only"), std::string::npos) << d.reason;
}

TEST_F(DevicesLoop, MountedExt4IsRefusedAndEligibleAgainOnceUnmounted) {
    LoopDevice loop(tmp / "disk.img", 64 * kMiB);
    runChecked({"mkfs.ext4", "-q", "-F", "-L", "massho-t", loop.path()});
    {
        Mounted mount(loop.path(), tmp / "mnt");
        BlockDevice d = describeDevice(loop.path());
        EXPECT_EQ(d.fsType, "ext4");
        EXPECT_TRUE(d.mounted);
        EXPECT_FALSE(d.system);
        EXPECT_FALSE(d.eligible);
        EXPECT_NE(d.reason.find("mounted at " + mount.dir().string()), std::string::npos)
            << d.reason;
    }
    BlockDevice after = describeDevice(loop.path());
    EXPECT_FALSE(after.mounted);
    EXPECT_TRUE(after.eligible) << after.reason;
}

TEST_F(DevicesLoop, DosTablePartitionsAreListedWithTheirFilesystems) {
    LoopDevice loop(tmp / "disk.img", 64 * kMiB);
    Partitioned table(loop, "label: dos\n,16MiB,c\n,,83\n");
    const std::string p1 = loop.path() + "p1", p2 = loop.path() + "p2";
    runChecked({"mkfs.vfat", "-n", "MASSHOFAT", p1});
    runChecked({"mkfs.ext4", "-q", "-F", "-L", "massho-ext", p2});

    BlockDevice d = describeDevice(loop.path());
    EXPECT_EQ(d.partitionTable, "dos");
    EXPECT_EQ(d.fsType, "");
    ASSERT_EQ(d.partitions.size(), 2u);
    EXPECT_EQ(d.partitions[0].path, p1);
    EXPECT_EQ(d.partitions[0].fsType, "vfat");
    EXPECT_EQ(d.partitions[0].label, "MASSHOFAT");
    EXPECT_EQ(d.partitions[0].sizeBytes, 16 * kMiB);
    EXPECT_FALSE(d.partitions[0].uuid.empty());
    EXPECT_EQ(d.partitions[1].path, p2);
    EXPECT_EQ(d.partitions[1].fsType, "ext4");
    EXPECT_EQ(d.partitions[1].label, "massho-ext");
    EXPECT_TRUE(d.eligible) << d.reason;  // nothing mounted: the whole disk may be erased
}

// A disk named in `unprobed` (one a job holds) is listed from sysfs alone: its table and
// filesystems stay unknown, its identity and verdict are there; the disks beside it are probed.
TEST_F(DevicesLoop, AnUnprobedDiskIsListedWithoutItsContents) {
    LoopDevice held(tmp / "held.img", 64 * kMiB);
    LoopDevice other(tmp / "other.img", 32 * kMiB);
    Partitioned table(held, "label: dos\n,16MiB,c\n,,83\n");
    runChecked({"mkfs.vfat", "-n", "MASSHOFAT", held.path() + "p1"});
    runChecked({"mkfs.ext4", "-q", "-F", other.path()});
    GuardOptions options;
    options.unprobed = {held.name()};

    const std::vector<BlockDevice> devices = discoverDevices(options);
    const BlockDevice* d = findByPath(devices, held.path());
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->sizeBytes, 64 * kMiB);
    EXPECT_EQ(d->backingFile, (tmp / "held.img").string());
    EXPECT_TRUE(d->eligible) << d->reason;
    EXPECT_EQ(d->partitionTable, "");
    ASSERT_EQ(d->partitions.size(), 2u);
    EXPECT_EQ(d->partitions[0].fsType, "");
    EXPECT_EQ(d->partitions[0].label, "");
    EXPECT_NE(d->capabilities.note.find("not probed"), std::string::npos);
    const BlockDevice* beside = findByPath(devices, other.path());
    ASSERT_NE(beside, nullptr);
    EXPECT_EQ(beside->fsType, "ext4");
}

TEST_F(DevicesLoop, PartitionIsRefusedAsNotAWholeDiskUnlessAllowed) {
    LoopDevice loop(tmp / "disk.img", 32 * kMiB);
    Partitioned table(loop, "label: gpt\n,8MiB\n,\n");
    const std::string p1 = loop.path() + "p1";
    runChecked({"mkfs.vfat", p1});

    BlockDevice part = describeDevice(p1);
    EXPECT_FALSE(part.wholeDisk);
    EXPECT_EQ(part.path, p1);
    EXPECT_EQ(part.sizeBytes, 8 * kMiB);
    EXPECT_EQ(part.fsType, "vfat");
    EXPECT_FALSE(part.eligible);
    EXPECT_NE(part.reason.find("not a whole disk"), std::string::npos) << part.reason;
    EXPECT_NE(part.reason.find(loop.path()), std::string::npos) << part.reason;

    BlockDevice allowed = describeDevice(p1, allowingPartitions());
    EXPECT_TRUE(allowed.eligible) << allowed.reason;
    EXPECT_EQ(describeDevice(loop.path()).partitionTable, "gpt");
}

TEST_F(DevicesLoop, MountedPartitionMakesTheDiskMounted) {
    LoopDevice loop(tmp / "disk.img", 64 * kMiB);
    Partitioned table(loop, "label: gpt\n,16MiB\n,\n");
    const std::string p2 = loop.path() + "p2";
    runChecked({"mkfs.ext4", "-q", "-F", p2});
    Mounted mount(p2, tmp / "mnt");

    BlockDevice disk = describeDevice(loop.path());
    EXPECT_TRUE(disk.mounted);
    EXPECT_FALSE(disk.eligible);
    ASSERT_EQ(disk.partitions.size(), 2u);
    EXPECT_FALSE(disk.partitions[0].mounted);
    EXPECT_TRUE(disk.partitions[1].mounted);
    EXPECT_EQ(disk.partitions[1].mountPoint, mount.dir().string());
    EXPECT_NE(disk.reason.find("unmount"), std::string::npos) << disk.reason;

    BlockDevice part = describeDevice(p2, allowingPartitions());
    EXPECT_TRUE(part.mounted);
    EXPECT_FALSE(part.eligible);
}

TEST_F(DevicesLoop, ProtectedPathOnTheDeviceMakesItSystem) {
    LoopDevice loop(tmp / "disk.img", 64 * kMiB);
    runChecked({"mkfs.ext4", "-q", "-F", loop.path()});
    Mounted mount(loop.path(), tmp / "mnt");
    fs::create_directories(mount.dir() / "data");

    for (const fs::path& dataDir : {mount.dir() / "data", mount.dir() / "not-yet" / "data"}) {
        BlockDevice d = describeDevice(loop.path(), protecting(dataDir));
        EXPECT_TRUE(d.system) << dataDir;
        EXPECT_FALSE(d.eligible);
        EXPECT_NE(d.reason.find("protected path " + dataDir.string()), std::string::npos)
            << d.reason;
    }
    // A protected path elsewhere does not touch it.
    EXPECT_FALSE(describeDevice(loop.path(), protecting("/proc")).system);
}

TEST_F(DevicesLoop, TheDiskHoldingTheRunningRootIsRefusedAsSystem) {
    struct stat root {};
    ASSERT_EQ(stat("/", &root), 0);
    const std::string dev =
        std::to_string(major(root.st_dev)) + ":" + std::to_string(minor(root.st_dev));
    bool found = false;
    for (const BlockDevice& d : discoverDevices()) {
        bool holdsRoot = d.devNumber == dev;
        for (const Partition& p : d.partitions) holdsRoot = holdsRoot || p.devNumber == dev;
        if (!holdsRoot) continue;
        found = true;
        EXPECT_TRUE(d.system) << d.path;
        EXPECT_FALSE(d.eligible) << d.path;
    }
    if (!found) GTEST_SKIP() << "/ is not on a listed block device here (" << dev << ")";
}

}  // namespace
}  // namespace massho::appliance
