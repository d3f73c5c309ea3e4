// Transport, media type, model and serial of buses this machine does not have (USB, SATA, PATA,
// NVMe, SD cards, SCSI), from fake sysfs trees laid out like the kernel's.
#include <gtest/gtest.h>

#include "fake_system.h"
#include "massho/appliance/devices.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::appliance {
namespace {

using testing::FakeSystem;
constexpr uint64_t kGiB = 1ull << 30;

class DevicesIdentity : public ::testing::Test {
  protected:
    testsupport::TempDir tmp;
    FakeSystem fake{tmp.path()};
    BlockDevice only() {
        auto devices = discoverDevices({}, fake.paths());
        if (devices.size() != 1) throw std::runtime_error("expected exactly one device");
        return devices[0];
    }
};

TEST_F(DevicesIdentity, UsbStickTakesItsSerialFromTheUsbDevice) {
    const std::string usbDevice = "pci0000:00/0000:00:14.0/usb2/2-1";
    fake.addDisk("sdb", usbDevice + "/2-1:1.0/host6/target6:0:0/6:0:0:0", "8:16", 16 * kGiB);
    fake.writeSysFile("devices/" + usbDevice + "/idVendor", "0781\n");
    fake.writeSysFile("devices/" + usbDevice + "/serial", "4C530001230712109142\n");
    fake.setAttribute("sdb", "device/model", "Cruzer Blade    \n");
    fake.setAttribute("sdb", "device/vendor", "SanDisk \n");
    fake.setAttribute("sdb", "removable", "1\n");

    BlockDevice d = only();
    EXPECT_EQ(d.transport, "usb");
    EXPECT_EQ(d.mediaType, "usb-flash");
    EXPECT_EQ(d.model, "Cruzer Blade");  // sysfs padding trimmed
    EXPECT_EQ(d.vendor, "SanDisk");
    EXPECT_EQ(d.serial, "4C530001230712109142");
    EXPECT_TRUE(d.removable);
}

TEST_F(DevicesIdentity, UsbDiskThatSpinsIsAnHdd) {
    fake.addDisk("sdc", "pci0000:00/0000:00:14.0/usb2/2-2/2-2:1.0/host7/target7:0:0/7:0:0:0",
                 "8:32", 1000 * kGiB);
    fake.setAttribute("sdc", "queue/rotational", "1\n");
    EXPECT_EQ(only().mediaType, "hdd");
}

TEST_F(DevicesIdentity, SataSsdSerialComesFromVpdPage80) {
    const std::string port = "pci0000:00/0000:00:1f.2/ata3";
    fake.addDisk("sda", port + "/host2/target2:0:0/2:0:0:0", "8:0", 512 * kGiB);
    fake.writeSysFile("devices/" + port + "/link3/ata_link/link3/sata_spd", "6.0 Gbps\n");
    fake.setAttribute("sda", "device/model", "Samsung SSD 860 \n");
    fake.setAttribute("sda", "device/vendor", "ATA     \n");
    // SPC-4 unit serial number page: 00 80, length 00 0e, then the 14 ASCII bytes.
    fake.setAttribute("sda", "device/vpd_pg80", std::string("\x00\x80\x00\x0eS3Z9NB0K123456", 18));
    fake.setAttribute("sda", "device/wwid", "t10.ATA     Samsung SSD 860 S3Z9NB0K123456\n");
    fake.setAttribute("sda", "queue/physical_block_size", "4096\n");

    BlockDevice d = only();
    EXPECT_EQ(d.transport, "sata");
    EXPECT_EQ(d.mediaType, "ssd");
    EXPECT_EQ(d.model, "Samsung SSD 860");
    EXPECT_EQ(d.vendor, "ATA");
    EXPECT_EQ(d.serial, "S3Z9NB0K123456");
    EXPECT_EQ(d.physicalSector, 4096u);
}

TEST_F(DevicesIdentity, ParallelAtaDiskIsAtaAndHdd) {
    const std::string port = "pci0000:00/0000:00:01.1/ata1";
    fake.addDisk("sda", port + "/host0/target0:0:0/0:0:0:0", "8:0", 80 * kGiB);
    fake.writeSysFile("devices/" + port + "/link1/ata_link/link1/sata_spd", "<unknown>\n");
    fake.setAttribute("sda", "queue/rotational", "1\n");
    BlockDevice d = only();
    EXPECT_EQ(d.transport, "ata");
    EXPECT_EQ(d.mediaType, "hdd");
}

TEST_F(DevicesIdentity, NvmeModelAndSerialComeFromTheController) {
    fake.addDisk("nvme0n1", "pci0000:00/0000:00:04.0/nvme/nvme0", "259:0", 1024 * kGiB);
    // /sys/block/nvme0n1/device is the controller; here it is a folder of its own.
    fake.setAttribute("nvme0n1", "device/model", "QEMU NVMe Ctrl                          \n");
    fake.setAttribute("nvme0n1", "device/serial", "deadbeef            \n");
    BlockDevice d = only();
    EXPECT_EQ(d.transport, "nvme");
    EXPECT_EQ(d.mediaType, "nvme");
    EXPECT_EQ(d.model, "QEMU NVMe Ctrl");
    EXPECT_EQ(d.serial, "deadbeef");
}

TEST_F(DevicesIdentity, SdCardIsAMemoryCard) {
    fake.addDisk("mmcblk0", "platform/fe320000.mmc/mmc_host/mmc0/mmc0:aaaa", "179:0", 32 * kGiB);
    fake.setAttribute("mmcblk0", "device/name", "SC32G\n");
    fake.setAttribute("mmcblk0", "device/serial", "0x1234abcd\n");
    BlockDevice d = only();
    EXPECT_EQ(d.transport, "mmc");
    EXPECT_EQ(d.mediaType, "memory-card");
    EXPECT_EQ(d.model, "SC32G");
    EXPECT_EQ(d.serial, "0x1234abcd");
}

TEST_F(DevicesIdentity, VirtioDiskSerialIsOnTheDiskAndItsVendorIdIsNotAName) {
    fake.addDisk("vda", "pci0000:00/0000:00:02.0/virtio1", "254:0", 8 * kGiB);
    fake.setAttribute("vda", "serial", "vol-0001");
    fake.setAttribute("vda", "device/vendor", "0x1af4\n");
    BlockDevice d = only();
    EXPECT_EQ(d.transport, "virtio");
    EXPECT_EQ(d.mediaType, "virtual");
    EXPECT_EQ(d.serial, "vol-0001");
    EXPECT_EQ(d.vendor, "");
}

TEST_F(DevicesIdentity, SasDiskBehindAScsiHostIsScsi) {
    fake.addDisk("sdd", "pci0000:00/0000:00:05.0/host3/port-3:0/end_device-3:0/target3:0:0/3:0:0:0",
                 "8:48", 4000 * kGiB);
    fake.setAttribute("sdd", "queue/rotational", "1\n");
    BlockDevice d = only();
    EXPECT_EQ(d.transport, "scsi");
    EXPECT_EQ(d.mediaType, "hdd");
}

TEST_F(DevicesIdentity, SizeAndSectorSizesComeFromSysfs) {
    fake.addDisk("vdb", "pci0000:00/0000:00:02.0/virtio1", "254:16", 3 * kGiB);
    fake.setAttribute("vdb", "queue/logical_block_size", "4096\n");
    fake.setAttribute("vdb", "queue/physical_block_size", "4096\n");
    BlockDevice d = only();
    EXPECT_EQ(d.sizeBytes, 3 * kGiB);  // size is in 512-byte units whatever the sector size
    EXPECT_EQ(d.logicalSector, 4096u);
    EXPECT_EQ(d.physicalSector, 4096u);
    EXPECT_EQ(d.devNumber, "254:16");
}

}  // namespace
}  // namespace massho::appliance
