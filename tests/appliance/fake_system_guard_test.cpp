// The system-disk logic of the guard, on fake sysfs/mountinfo trees describing machines that do
// not exist here (the host's own /dev/vda cannot even be opened).
#include <gtest/gtest.h>

#include <algorithm>

#include "fake_system.h"
#include "massho/appliance/devices.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::appliance {
namespace {

using testing::FakeSystem;
constexpr uint64_t kGiB = 1ull << 30;
constexpr const char* kVirtioBus = "pci0000:00/0000:00:02.0/virtio1";
constexpr const char* kVirtioBus2 = "pci0000:00/0000:00:03.0/virtio2";

// A copy: callers often search a temporary list.
BlockDevice find(const std::vector<BlockDevice>& devices, const std::string& name) {
    auto it = std::find_if(devices.begin(), devices.end(),
                           [&](const BlockDevice& d) { return d.name == name; });
    if (it == devices.end()) throw std::runtime_error("discovery did not list " + name);
    return *it;
}

class DevicesFakeSystem : public ::testing::Test {
  protected:
    testsupport::TempDir tmp;
    FakeSystem fake{tmp.path()};
    std::vector<BlockDevice> discover(const GuardOptions& options = {}) {
        return discoverDevices(options, fake.paths());
    }
};

TEST_F(DevicesFakeSystem, WholeDiskMountedAtRootIsSystemAndOtherDiskIsEligible) {
    fake.addDisk("vda", kVirtioBus, "254:0", 256 * kGiB);
    fake.addDisk("vdb", kVirtioBus2, "254:16", 8 * kGiB);
    fake.mount("254:0", "/", "/dev/vda");

    auto devices = discover();
    const BlockDevice& vda = find(devices, "vda");
    EXPECT_TRUE(vda.system);
    EXPECT_TRUE(vda.mounted);
    EXPECT_FALSE(vda.eligible);
    EXPECT_NE(vda.reason.find("/ is mounted from /dev/vda"), std::string::npos) << vda.reason;
    const BlockDevice& vdb = find(devices, "vdb");
    EXPECT_FALSE(vdb.system);
    EXPECT_TRUE(vdb.eligible) << vdb.reason;
    EXPECT_EQ(vdb.reason, "");
}

TEST_F(DevicesFakeSystem, DiskWithBootPartitionIsSystem) {
    fake.addDisk("vdb", kVirtioBus, "254:16", 8 * kGiB);
    fake.addPartition("vdb", "vdb1", "254:17", kGiB);
    fake.addPartition("vdb", "vdb2", "254:18", 7 * kGiB);
    fake.mount("254:17", "/boot", "/dev/vdb1");

    const BlockDevice& vdb = find(discover(), "vdb");
    EXPECT_TRUE(vdb.system);
    EXPECT_FALSE(vdb.eligible);
    EXPECT_NE(vdb.reason.find("/boot"), std::string::npos) << vdb.reason;
    ASSERT_EQ(vdb.partitions.size(), 2u);
    EXPECT_EQ(vdb.partitions[0].name, "vdb1");
    EXPECT_TRUE(vdb.partitions[0].mounted);
    EXPECT_EQ(vdb.partitions[0].mountPoint, "/boot");
    EXPECT_EQ(vdb.partitions[0].sizeBytes, kGiB);
    EXPECT_FALSE(vdb.partitions[1].mounted);
}

TEST_F(DevicesFakeSystem, EfiPartitionMakesDiskSystem) {
    fake.addDisk("vdb", kVirtioBus, "254:16", 8 * kGiB);
    fake.addPartition("vdb", "vdb1", "254:17", kGiB);
    fake.mount("254:17", "/boot/efi", "/dev/vdb1", "vfat");
    EXPECT_TRUE(find(discover(), "vdb").system);
}

TEST_F(DevicesFakeSystem, DiskUnderDeviceMapperMountedAtRootIsSystem) {
    fake.addDisk("vdc", kVirtioBus, "254:32", 8 * kGiB);
    fake.addDisk("dm-0", "virtual", "253:0", 8 * kGiB);
    fake.setAttribute("dm-0", "dm/name", "root\n");
    fake.stack("dm-0", "vdc");
    fake.mount("253:0", "/", "/dev/mapper/root");

    auto devices = discover();
    const BlockDevice& vdc = find(devices, "vdc");
    EXPECT_TRUE(vdc.system);
    EXPECT_TRUE(vdc.held);
    EXPECT_FALSE(vdc.eligible);
    EXPECT_NE(vdc.reason.find("/ is mounted from /dev/dm-0"), std::string::npos) << vdc.reason;
    const BlockDevice& dm = find(devices, "dm-0");
    EXPECT_TRUE(dm.system);
    EXPECT_EQ(dm.transport, "dm");
    EXPECT_EQ(dm.mediaType, "virtual");
    EXPECT_EQ(dm.model, "root");
}

TEST_F(DevicesFakeSystem, PartitionUnderLvmStackMountedAtRootMakesItsDiskSystem) {
    // vdc1 → md0 → dm-1 mounted at /: two levels of stacking on a partition.
    fake.addDisk("vdc", kVirtioBus, "254:32", 8 * kGiB);
    fake.addPartition("vdc", "vdc1", "254:33", 8 * kGiB);
    fake.addDisk("md0", "virtual", "9:0", 8 * kGiB);
    fake.addDisk("dm-1", "virtual", "253:1", 8 * kGiB);
    fake.stack("md0", "vdc1");
    fake.stack("dm-1", "md0");
    fake.mount("253:1", "/", "/dev/dm-1");

    auto devices = discover();
    EXPECT_TRUE(find(devices, "vdc").system);
    EXPECT_TRUE(find(devices, "md0").system);
    EXPECT_TRUE(find(devices, "vdc").held);
    EXPECT_TRUE(find(devices, "vdc").partitions.at(0).mounted);
}

TEST_F(DevicesFakeSystem, ActiveSwapPartitionIsSystem) {
    fake.addDisk("vdd", kVirtioBus, "254:48", 8 * kGiB);
    fake.addPartition("vdd", "vdd1", "254:49", 6 * kGiB);
    fake.addPartition("vdd", "vdd2", "254:50", 2 * kGiB);
    fake.addSwap("/dev/vdd2");

    const BlockDevice& vdd = find(discover(), "vdd");
    EXPECT_TRUE(vdd.system);
    EXPECT_FALSE(vdd.mounted);
    EXPECT_FALSE(vdd.eligible);
    EXPECT_NE(vdd.reason.find("swap is active on /dev/vdd2"), std::string::npos) << vdd.reason;
}

TEST_F(DevicesFakeSystem, SwapFileMakesTheDiskOfItsFilesystemSystem) {
    fake.addDisk("vdd", kVirtioBus, "254:48", 8 * kGiB);
    fake.mount("254:48", "/var/swap-area", "/dev/vdd");
    fake.addSwap("/var/swap-area/swapfile");
    const BlockDevice& vdd = find(discover(), "vdd");
    EXPECT_TRUE(vdd.system);
    EXPECT_NE(vdd.reason.find("swap file /var/swap-area/swapfile"), std::string::npos);
}

TEST_F(DevicesFakeSystem, ProtectedPathMakesItsDiskSystem) {
    fake.addDisk("vda", kVirtioBus, "254:0", 8 * kGiB);
    fake.addDisk("vde", kVirtioBus2, "254:64", 8 * kGiB);
    fake.mount("254:0", "/", "/dev/vda");
    fake.mount("254:64", "/srv/massho-fake", "/dev/vde");

    EXPECT_FALSE(find(discover(), "vde").system);  // only mounted without the protection
    GuardOptions options;
    options.protectedPaths = {"/srv/massho-fake/data"};  // need not exist yet
    const BlockDevice& vde = find(discover(options), "vde");
    EXPECT_TRUE(vde.system);
    EXPECT_FALSE(vde.eligible);
    EXPECT_NE(vde.reason.find("protected path /srv/massho-fake/data"), std::string::npos)
        << vde.reason;
}

TEST_F(DevicesFakeSystem, MountedDataDiskIsRefusedButNotSystem) {
    fake.addDisk("vdf", kVirtioBus, "254:80", 8 * kGiB);
    fake.addPartition("vdf", "vdf1", "254:81", 8 * kGiB);
    fake.mount("254:81", "/mnt/my\\040stick", "/dev/vdf1");

    const BlockDevice& vdf = find(discover(), "vdf");
    EXPECT_FALSE(vdf.system);
    EXPECT_TRUE(vdf.mounted);
    EXPECT_FALSE(vdf.eligible);
    EXPECT_EQ(vdf.partitions.at(0).mountPoint, "/mnt/my stick");  // mountinfo octal escape undone
    EXPECT_NE(vdf.reason.find("unmount"), std::string::npos) << vdf.reason;
    EXPECT_NE(vdf.reason.find("/mnt/my stick"), std::string::npos) << vdf.reason;
}

TEST_F(DevicesFakeSystem, AnonymousDeviceNumberMountIsMatchedBySource) {
    // btrfs reports st_dev 0:N; the source column still names the partition.
    fake.addDisk("vdh", kVirtioBus, "254:112", 8 * kGiB);
    fake.addPartition("vdh", "vdh1", "254:113", 8 * kGiB);
    fake.mount("0:45", "/data", "/dev/vdh1", "btrfs");
    EXPECT_TRUE(find(discover(), "vdh").mounted);
}

TEST_F(DevicesFakeSystem, DiskHeldByRaidIsRefused) {
    fake.addDisk("vdg", kVirtioBus, "254:96", 8 * kGiB);
    fake.addDisk("md0", "virtual", "9:0", 8 * kGiB);
    fake.stack("md0", "vdg");

    auto devices = discover();
    const BlockDevice& vdg = find(devices, "vdg");
    EXPECT_TRUE(vdg.held);
    EXPECT_FALSE(vdg.mounted);
    EXPECT_FALSE(vdg.system);
    EXPECT_FALSE(vdg.eligible);
    EXPECT_NE(vdg.reason.find("held by md0"), std::string::npos) << vdg.reason;
    EXPECT_EQ(find(devices, "md0").transport, "md");
}

TEST_F(DevicesFakeSystem, ReadOnlyAndEmptyDevicesAreRefused) {
    fake.addDisk("vdi", kVirtioBus, "254:128", 8 * kGiB);
    fake.setAttribute("vdi", "ro", "1\n");
    fake.addDisk("sdz", "pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0/host7/target7:0:0/7:0:0:0",
                 "8:240", 0);
    fake.setAttribute("sdz", "removable", "1\n");

    auto devices = discover();
    const BlockDevice& vdi = find(devices, "vdi");
    EXPECT_TRUE(vdi.readOnly);
    EXPECT_FALSE(vdi.eligible);
    EXPECT_NE(vdi.reason.find("read-only"), std::string::npos) << vdi.reason;
    const BlockDevice& sdz = find(devices, "sdz");
    EXPECT_TRUE(sdz.removable);
    EXPECT_FALSE(sdz.eligible);
    EXPECT_NE(sdz.reason.find("no medium"), std::string::npos) << sdz.reason;
}

TEST_F(DevicesFakeSystem, SkipsRamZramAndDetachedLoopDevices) {
    fake.addDisk("ram0", "virtual", "1:0", 16 << 20);
    fake.addDisk("zram0", "virtual", "252:0", kGiB);
    fake.addDisk("loop0", "virtual", "7:0", 0);  // no loop/backing_file: detached
    fake.addDisk("loop1", "virtual", "7:1", 64 << 20);
    fake.setAttribute("loop1", "loop/backing_file", "/srv/images/disk.img\n");

    auto devices = discover();
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_EQ(devices[0].name, "loop1");
    EXPECT_EQ(devices[0].path, "/dev/loop1");
    EXPECT_EQ(devices[0].transport, "loop");
    EXPECT_EQ(devices[0].backingFile, "/srv/images/disk.img");
    EXPECT_EQ(devices[0].model, "/srv/images/disk.img");
    EXPECT_EQ(devices[0].serial, "");
    EXPECT_TRUE(devices[0].eligible) << devices[0].reason;
}

TEST_F(DevicesFakeSystem, LoopDeviceMountedAsSystemProtectsTheDiskHoldingItsBackingFile) {
    // / on vda; vdj mounted at /images holds the backing file of loop2, which is the data dir.
    fake.addDisk("vda", kVirtioBus, "254:0", 8 * kGiB);
    fake.addDisk("vdj", kVirtioBus2, "254:144", 8 * kGiB);
    fake.addDisk("loop2", "virtual", "7:2", kGiB);
    fake.setAttribute("loop2", "loop/backing_file", "/images/data.img\n");
    fake.mount("254:0", "/", "/dev/vda");
    fake.mount("254:144", "/images", "/dev/vdj");
    fake.mount("7:2", "/var/lib/massho", "/dev/loop2");

    GuardOptions options;
    options.protectedPaths = {"/var/lib/massho"};
    auto devices = discover(options);
    EXPECT_TRUE(find(devices, "loop2").system);
    EXPECT_TRUE(find(devices, "vdj").system);
}

TEST_F(DevicesFakeSystem, PartitionsAreListedInNaturalOrderAndDisksSorted) {
    fake.addDisk("loop10", "virtual", "7:10", kGiB);
    fake.setAttribute("loop10", "loop/backing_file", "/a.img\n");
    fake.addDisk("loop2", "virtual", "7:2", kGiB);
    fake.setAttribute("loop2", "loop/backing_file", "/b.img\n");
    fake.addPartition("loop2", "loop2p10", "259:10", 1 << 20);
    fake.addPartition("loop2", "loop2p9", "259:9", 1 << 20);

    auto devices = discover();
    ASSERT_EQ(devices.size(), 2u);
    EXPECT_EQ(devices[0].name, "loop2");
    EXPECT_EQ(devices[1].name, "loop10");
    ASSERT_EQ(devices[0].partitions.size(), 2u);
    EXPECT_EQ(devices[0].partitions[0].name, "loop2p9");
    EXPECT_EQ(devices[0].partitions[1].name, "loop2p10");
}

}  // namespace
}  // namespace massho::appliance
