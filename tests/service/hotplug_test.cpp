// A loop device attached and detached while the service runs: DeviceAdded, then DeviceRemoved.
#include <gtest/gtest.h>

#include <QDBusConnection>

#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

class SignalLog : public QObject {
  public:
    std::vector<QString> added, removed;
};

TEST(ServiceHotplugTest, AttachingAndDetachingADeviceIsSignalled) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    ServiceFixture service;
    service.startService();
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    SignalLog log;
    QObject::connect(&manager, &ManagerProxy::DeviceAdded, &log, [&](const QVariantMap& device) {
        log.added.push_back(device.value("path").toString());
    });
    QObject::connect(&manager, &ManagerProxy::DeviceRemoved, &log,
                     [&](const QString& path) { log.removed.push_back(path); });
    manager.GetDevices().waitForFinished();

    std::string path;
    {
        testsupport::LoopDevice device(tmp / "hot.img", 32 * 1024 * 1024);
        path = device.path();
        const QString qpath = QString::fromStdString(path);
        EXPECT_TRUE(ServiceFixture::waitFor(
            [&] { return std::count(log.added.begin(), log.added.end(), qpath) > 0; },
            std::chrono::seconds(10)))
            << path;
    }
    const QString qpath = QString::fromStdString(path);
    EXPECT_TRUE(ServiceFixture::waitFor(
        [&] { return std::count(log.removed.begin(), log.removed.end(), qpath) > 0; },
        std::chrono::seconds(10)))
        << path;
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
    SignalLog log;
    QObject::connect(&manager, &ManagerProxy::DeviceRemoved, &log,
                     [&](const QString& path) { log.removed.push_back(path); });
    QString path;
    {
        testsupport::LoopDevice device(tmp / "brief.img", 8 * 1024 * 1024);
        path = QString::fromStdString(device.path());
        auto listed = manager.GetDevices();  // lists it at once, before the watch's next look
        listed.waitForFinished();
        bool seen = false;
        for (const QVariantMap& d : listed.value()) seen |= d.value("path").toString() == path;
        ASSERT_TRUE(seen);
    }
    EXPECT_TRUE(ServiceFixture::waitFor(
        [&] { return std::count(log.removed.begin(), log.removed.end(), path) > 0; },
        std::chrono::seconds(10)))
        << path.toStdString();
}

}  // namespace
}  // namespace massho::service::test
