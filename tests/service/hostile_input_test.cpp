// What a broken or hostile client sends: wrong types, megabyte strings, object paths and device
// paths the service never gave out, calls after logout, a thousand logins. Each is refused with
// a named error, and the service keeps serving the job that is running meanwhile.
#include <gtest/gtest.h>

#include <QDBusInterface>
#include <QDBusMessage>

#include "job_watch.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

class ServiceHostileInputTest : public ::testing::Test {
  protected:
    void SetUp() override {
        service.startService();
        kiosk = service.connect("kiosk");
    }
    QDBusMessage call(const QString& path, const QString& interface, const QString& method,
                      const QVariantList& args) {
        QDBusMessage m = QDBusMessage::createMethodCall(kBusName, path, interface, method);
        m.setArguments(args);
        return kiosk.call(m);
    }
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(ServiceHostileInputTest, WrongTypesAreRefusedByName) {
    const QDBusMessage reply =
        call(kManagerPath, "org.massho.Appliance1.Manager", "Login", {42, QStringList{"a"}});
    ASSERT_EQ(reply.type(), QDBusMessage::ErrorMessage);
    EXPECT_TRUE(reply.errorName().startsWith("org.freedesktop.DBus.Error."))
        << reply.errorName().toStdString();
}

TEST_F(ServiceHostileInputTest, AMegabyteStringIsRefusedAsInvalid) {
    const QString huge(1024 * 1024, QLatin1Char('x'));
    ManagerProxy manager = service.manager(kiosk);
    auto login = manager.Login(huge, huge);
    EXPECT_EQ(errorName(login), "org.massho.Appliance1.Error.InvalidArgument");
    auto methods = manager.GetMethods(huge);
    EXPECT_EQ(errorName(methods), "org.massho.Appliance1.Error.InvalidArgument");
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    auto request = session.RequestErase("/dev/loop0", "zero", "reuse", 4, "A", huge);
    EXPECT_EQ(errorName(request), "org.massho.Appliance1.Error.InvalidArgument");
}

TEST_F(ServiceHostileInputTest, ObjectPathsTheServiceNeverGaveOutDoNotExist) {
    for (const char* path : {"/org/massho/Appliance1/sessions/0000",
                             "/org/massho/Appliance1/jobs/999", "/org/massho/Appliance1/x"}) {
        const QDBusMessage reply = call(path, "org.massho.Appliance1.Session", "Logout", {});
        ASSERT_EQ(reply.type(), QDBusMessage::ErrorMessage) << path;
        EXPECT_TRUE(reply.errorName().startsWith("org.freedesktop.DBus.Error.")) << path;
    }
}

TEST_F(ServiceHostileInputTest, ADevicePathTheServiceDidNotListIsNotFound) {
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    for (const char* device : {"/etc/passwd", "/dev/null", "/dev/../dev/vda", "relative"}) {
        auto reply = session.StartErase(device, "zero", "reuse", 4, "A-1", "", {});
        EXPECT_EQ(errorName(reply), "org.massho.Appliance1.Error.NotFound") << device;
        auto methods = manager.GetMethods(device);
        EXPECT_EQ(errorName(methods), "org.massho.Appliance1.Error.NotFound") << device;
    }
}

TEST_F(ServiceHostileInputTest, UnknownOptionsAndBadValuesAreInvalid) {
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    auto devices = manager.GetDevices();
    devices.waitForFinished();
    ASSERT_FALSE(devices.isError());
    if (devices.value().isEmpty()) GTEST_SKIP() << "no block device listed here";
    const QString device = devices.value()[0].value("path").toString();
    auto option = session.StartErase(device, "zero", "reuse", 4, "A-1", "", {{"force", true}});
    EXPECT_EQ(errorName(option), "org.massho.Appliance1.Error.InvalidArgument");
    auto method = session.StartErase(device, "rot13", "reuse", 4, "A-1", "", {});
    EXPECT_EQ(errorName(method), "org.massho.Appliance1.Error.InvalidArgument");
}

TEST_F(ServiceHostileInputTest, AThousandLoginsAreRefusedWhileARunningJobIsServed) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    testsupport::LoopDevice device(tmp / "h.img", 256ull * 1024 * 1024);
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    auto started = session.StartErase(QString::fromStdString(device.path()), "random", "reuse", 4,
                                      "SVC-H", "", {{"verify", "full"}});
    started.waitForFinished();
    ASSERT_FALSE(started.isError()) << started.error().message().toStdString();

    // A thousand guesses in waves of a hundred (the bus itself refuses more than 128 calls
    // waiting on one connection, LimitsExceeded, before the service sees them).
    QDBusConnection attacker = service.connect("attacker");
    ManagerProxy hostile = service.manager(attacker);
    int notAuthorized = 0, busy = 0;
    for (int wave = 0; wave < 10; ++wave) {
        std::vector<QDBusPendingReply<QDBusObjectPath>> attempts;
        attempts.reserve(100);
        for (int i = 0; i < 100; ++i)
            attempts.push_back(hostile.Login(QStringLiteral("op1"),
                                             QStringLiteral("guess-%1-%2").arg(wave).arg(i)));
        for (auto& attempt : attempts) {
            const QString name = errorName(attempt);
            notAuthorized += name == "org.massho.Appliance1.Error.NotAuthorized" ? 1 : 0;
            busy += name == "org.massho.Appliance1.Error.Busy" ? 1 : 0;
        }
    }
    // Every guess refused by name: checked one at a time (NotAuthorized), or turned away at
    // once while one was being checked (Busy).
    EXPECT_EQ(notAuthorized + busy, 1000);
    EXPECT_GE(notAuthorized, 10);
    // The service still answers and the job still ends as it should.
    auto jobs = manager.GetJobs();
    jobs.waitForFinished();
    EXPECT_FALSE(jobs.isError());
    EXPECT_EQ(waitForEnd(kiosk, started.value()), "done");
}

}  // namespace
}  // namespace massho::service::test
