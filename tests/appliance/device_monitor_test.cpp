// DeviceMonitor: disks coming and going, told through a pollable descriptor. A fake sysfs tree
// proves the polling fallback's rule (the same disks discoverDevices lists); a real loop device
// (root) proves it on this kernel — no udev daemon runs here or in CI, so that is polling too.
#include "massho/appliance/device_monitor.h"

#include <gtest/gtest.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>

#include "fake_system.h"
#include "massho/appliance/devices.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::appliance {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Kind = DeviceChange::Kind;

constexpr uint64_t kMiB = 1ull << 20;

DeviceMonitorOptions pollingEvery(std::chrono::milliseconds interval) {
    DeviceMonitorOptions options;
    options.source = DeviceMonitorOptions::Source::Polling;
    options.pollInterval = interval;
    return options;
}

// What an owner's event loop does: wait for fd() to become readable, then read the changes;
// until `wanted` is among them or the (generous) time is up. Every change seen is returned.
std::vector<DeviceChange> waitFor(DeviceMonitor& monitor, const DeviceChange& wanted,
                                  std::chrono::milliseconds patience = 10s) {
    std::vector<DeviceChange> seen;
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::find(seen.begin(), seen.end(), wanted) == seen.end()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left <= 0ms) break;
        pollfd p{monitor.fd(), POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        for (DeviceChange& change : monitor.readChanges()) seen.push_back(std::move(change));
    }
    return seen;
}

bool contains(const std::vector<DeviceChange>& changes, const DeviceChange& change) {
    return std::find(changes.begin(), changes.end(), change) != changes.end();
}

std::set<std::string> discoveredNames(const SystemPaths& paths) {
    std::set<std::string> names;
    for (const BlockDevice& d : discoverDevices({}, paths)) names.insert(d.name);
    return names;
}

class MonitorFakeSysfs : public ::testing::Test {
  protected:
    MonitorFakeSysfs() : fake(tmp / "root") {
        fake.addDisk("vda", "pci0000:00/0000:00:04.0/virtio1", "254:0", 8 * kMiB);
    }
    void attachLoop(const std::string& name, const std::string& backing) {
        fake.setAttribute(name, "loop/backing_file", backing + "\n");
        fake.setAttribute(name, "size", std::to_string(64 * kMiB / 512) + "\n");
    }
    void detachLoop(const std::string& name) {
        fs::remove_all(fake.paths().sys / "block" / name / "loop");
        fake.setAttribute(name, "size", "0\n");
    }
    testsupport::TempDir tmp;
    testing::FakeSystem fake;
};

TEST_F(MonitorFakeSysfs, ADiskThatComesAndGoesIsAddedThenRemoved) {
    DeviceMonitor monitor(fake.paths(), pollingEvery(20ms));
    EXPECT_FALSE(monitor.usesUdev()) << "a fake tree is always polled";
    EXPECT_EQ(monitor.present(), (std::set<std::string>{"vda"}));
    EXPECT_TRUE(monitor.readChanges().empty()) << "what was there at the start is no change";

    fake.addDisk("sdb", "pci0000:00/0000:00:14.0/usb2/2-1/host6/target6:0:0/6:0:0:0", "8:16",
                 16 * kMiB);
    const DeviceChange added{Kind::Added, "/dev/sdb", "sdb"};
    EXPECT_EQ(waitFor(monitor, added), std::vector<DeviceChange>{added});
    EXPECT_EQ(monitor.present(), discoveredNames(fake.paths()));

    fake.removeDisk("sdb");
    const DeviceChange removed{Kind::Removed, "/dev/sdb", "sdb"};
    EXPECT_EQ(waitFor(monitor, removed), std::vector<DeviceChange>{removed});
    EXPECT_EQ(monitor.present(), (std::set<std::string>{"vda"}));
}

TEST_F(MonitorFakeSysfs, ALoopDeviceCountsOnlyWhileSomethingIsAttached) {
    // /sys/block/loop0 is there from boot with nothing attached: not a disk to list or announce.
    fake.addDisk("loop0", "virtual", "7:0", 0);
    DeviceMonitor monitor(fake.paths(), pollingEvery(20ms));
    EXPECT_EQ(monitor.present(), (std::set<std::string>{"vda"}));

    attachLoop("loop0", "/srv/images/disk.img");
    const DeviceChange added{Kind::Added, "/dev/loop0", "loop0"};
    EXPECT_EQ(waitFor(monitor, added), std::vector<DeviceChange>{added});
    EXPECT_EQ(monitor.present(), discoveredNames(fake.paths()));

    detachLoop("loop0");
    const DeviceChange removed{Kind::Removed, "/dev/loop0", "loop0"};
    EXPECT_EQ(waitFor(monitor, removed), std::vector<DeviceChange>{removed});
    EXPECT_EQ(monitor.present(), discoveredNames(fake.paths()));
}

TEST_F(MonitorFakeSysfs, AnAttachedLoopDeviceOfSizeZeroIsNotThere) {
    fake.addDisk("loop1", "virtual", "7:1", 0);
    fake.setAttribute("loop1", "loop/backing_file", "/srv/images/empty.img\n");
    DeviceMonitor monitor(fake.paths(), pollingEvery(20ms));
    EXPECT_EQ(monitor.present(), (std::set<std::string>{"vda"}));
    EXPECT_EQ(discoveredNames(fake.paths()), monitor.present()) << "discovery agrees";
}

TEST_F(MonitorFakeSysfs, RamDisksAreNeverAnnounced) {
    DeviceMonitor monitor(fake.paths(), pollingEvery(20ms));
    fake.addDisk("zram0", "virtual", "252:0", 64 * kMiB);
    fake.addDisk("ram0", "virtual", "1:0", 64 * kMiB);
    fake.addDisk("sdc", "pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0", "8:32",
                 64 * kMiB);
    // sdc came after the RAM disks: once it is announced, they were read and left out.
    const DeviceChange added{Kind::Added, "/dev/sdc", "sdc"};
    EXPECT_EQ(waitFor(monitor, added), std::vector<DeviceChange>{added});
}

TEST_F(MonitorFakeSysfs, TheDescriptorWakesTheOwnerEachInterval) {
    DeviceMonitor monitor(fake.paths(), pollingEvery(20ms));
    pollfd p{monitor.fd(), POLLIN, 0};
    ASSERT_EQ(poll(&p, 1, 5000), 1) << "the timer never fired";
    EXPECT_TRUE(monitor.readChanges().empty());
    // Read, the descriptor is quiet until the next interval (a busy loop would spin the CPU).
    p.revents = 0;
    EXPECT_EQ(poll(&p, 1, 0), 0);
}

// A real loop device on this kernel. Other tests on this machine may attach and detach loop
// devices meanwhile: only this device's changes are looked for.
TEST(MonitorLoopDevice, AttachIsAddedAndDetachIsRemoved) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    DeviceMonitorOptions options;
    options.pollInterval = 20ms;  // short, so that a loop device reused at once is still seen
    DeviceMonitor monitor({}, options);

    std::optional<testsupport::LoopDevice> loop;
    loop.emplace(tmp / "disk.img", 8 * kMiB);
    const std::string path = loop->path();
    const std::string name = loop->name();
    EXPECT_TRUE(contains(waitFor(monitor, {Kind::Added, path, name}), {Kind::Added, path, name}))
        << path << " attached but never announced";
    EXPECT_TRUE(monitor.present().contains(name));
    // What was announced is what discovery describes.
    EXPECT_EQ(describeDevice(path).backingFile, (tmp / "disk.img").string());

    loop.reset();  // losetup -d: /dev/loopN stays, with nothing attached
    EXPECT_TRUE(
        contains(waitFor(monitor, {Kind::Removed, path, name}), {Kind::Removed, path, name}))
        << path << " detached but never announced as removed";
}

}  // namespace
}  // namespace massho::appliance
