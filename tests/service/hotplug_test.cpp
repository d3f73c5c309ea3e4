// A loop device attached and detached while the service runs: DeviceAdded, then DeviceRemoved.
#include <gtest/gtest.h>

#include <QDBusConnection>

#include "device_signals.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

TEST(ServiceHotplugTest, AttachingAndDetachingADeviceIsSignalled) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    ServiceFixture service;
    service.startService();
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    DeviceSignals hotplug(manager);
    manager.GetDevices().waitForFinished();

    std::string path;
    {
        testsupport::LoopDevice device(tmp / "hot.img", 32 * 1024 * 1024);
        path = device.path();
        EXPECT_TRUE(ServiceFixture::waitFor([&] { return hotplug.wasAdded(path); },
                                            std::chrono::seconds(10)))
            << path << "; " << hotplug.log();
    }
    EXPECT_TRUE(
        ServiceFixture::waitFor([&] { return hotplug.wasRemoved(path); }, std::chrono::seconds(10)))
        << path << "; " << hotplug.log();
}

// A disk listed by GetDevices and pulled before the hotplug watch next looks is still signalled
// as removed (the watch compares what is present with what the service last listed).
TEST(ServiceHotplugTest, ADiskListedAndPulledBetweenTwoLooksIsStillSignalledRemoved) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    ServiceFixture service;
    service.startService();
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    DeviceSignals hotplug(manager);
    std::string path;
    {
        testsupport::LoopDevice device(tmp / "brief.img", 8 * 1024 * 1024);
        path = device.path();
        auto listed = manager.GetDevices();  // lists it at once, before the watch's next look
        listed.waitForFinished();
        bool seen = false;
        for (const QVariantMap& d : listed.value())
            seen |= d.value("path").toString() == QString::fromStdString(path);
        ASSERT_TRUE(seen);
    }
    EXPECT_TRUE(
        ServiceFixture::waitFor([&] { return hotplug.wasRemoved(path); }, std::chrono::seconds(10)))
        << path << "; " << hotplug.log();
}

}  // namespace
}  // namespace massho::service::test
