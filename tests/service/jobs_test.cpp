// Erasures as jobs of the service, on real loop devices: several at once, cancelled, outliving
// the kiosk that started them, and the approval rules between two people.
#include <gtest/gtest.h>

#include <QDBusMessage>
#include <QElapsedTimer>
#include <algorithm>

#include "job_watch.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;

class ServiceJobsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        service.startService();
        kiosk = service.connect("kiosk");
    }

    QDBusObjectPath startErase(SessionProxy& session, const testsupport::LoopDevice& device,
                               const QString& method, const QString& asset,
                               const QVariantMap& options = {}) {
        auto reply = session.StartErase(QString::fromStdString(device.path()), method, "reuse", 4,
                                        asset, "", options);
        reply.waitForFinished();
        EXPECT_FALSE(reply.isError()) << reply.error().message().toStdString();
        return reply.isError() ? QDBusObjectPath() : reply.value();
    }

    testsupport::TempDir tmp;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(ServiceJobsTest, TwoErasuresRunAtOnceAndEachIsRecorded) {
    testsupport::LoopDevice first(tmp / "a.img", 96 * kMiB), second(tmp / "b.img", 96 * kMiB);
    first.writeAt(4096, std::vector<uint8_t>(4096, 0xAB));
    second.writeAt(8192, std::vector<uint8_t>(4096, 0xCD));
    ManagerProxy manager = service.manager(kiosk);
    auto devices = manager.GetDevices();
    ASSERT_EQ(errorName(devices), "");
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);

    const QDBusObjectPath a = startErase(session, first, "random", "SVC-A", {{"verify", "full"}});
    const QDBusObjectPath b = startErase(session, second, "zero", "SVC-B");
    ASSERT_FALSE(a.path().isEmpty());
    ASSERT_FALSE(b.path().isEmpty());
    JobProxy jobA(kBusName, a.path(), kiosk), jobB(kBusName, b.path(), kiosk);
    // Both are running before either has ended: one worker per device.
    EXPECT_EQ(jobA.operation(), "erase");
    EXPECT_EQ(jobA.device().toStdString(), first.path());
    EXPECT_EQ(jobA.operatorId().toStdString(), "op1");
    EXPECT_GT(jobA.startedAt(), 0u);

    EXPECT_EQ(waitForEnd(kiosk, a), "done") << jobA.result().toStdString();
    EXPECT_EQ(waitForEnd(kiosk, b), "done") << jobB.result().toStdString();
    for (JobProxy* job : {&jobA, &jobB}) {
        EXPECT_GE(job->entryIndex(), 0);
        EXPECT_EQ(job->bytesDone(), job->bytesTotal());
        EXPECT_GT(job->bytesTotal(), 0u);
        const auto recorded = service.entry(job->entryIndex());
        EXPECT_EQ(records::entryText(recorded, "kind"), "erasure");
        EXPECT_EQ(records::entryText(recorded, "result"), "erased");
        EXPECT_EQ(records::entryText(recorded, "operator"), "op1");
        EXPECT_EQ(records::entryText(recorded, "device_path"), job->device().toStdString());
    }
    // What was there is gone.
    const auto bytes = second.readAll();
    EXPECT_EQ(std::count(bytes.begin(), bytes.end(), 0xCD), 0);
    auto jobs = manager.GetJobs();
    jobs.waitForFinished();
    EXPECT_EQ(jobs.value().size(), 2);

    // `massho jobs` shows the same, read over the bus.
    const auto listed = testsupport::runCommand(
        {"env", "DBUS_SYSTEM_BUS_ADDRESS=" + service.busAddress().toStdString(), MASSHO_CLI, "jobs",
         "--json"});
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("\"device\": \"" + first.path() + "\""), std::string::npos)
        << listed.out;
    EXPECT_NE(listed.out.find("\"state\": \"done\""), std::string::npos) << listed.out;
}

TEST_F(ServiceJobsTest, ACancelledJobEndsCancelledAndIsRecordedSo) {
    testsupport::LoopDevice device(tmp / "c.img", 1024 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    const QDBusObjectPath path =
        startErase(session, device, "dod-7", "SVC-C", {{"verify", "full"}});
    JobProxy job(kBusName, path.path(), kiosk);
    ASSERT_TRUE(ServiceFixture::waitFor([&] { return job.bytesDone() > 0; }));
    EXPECT_TRUE(job.cancellable());
    auto cancel = job.Cancel();
    ASSERT_EQ(errorName(cancel), "") << cancel.error().message().toStdString();
    EXPECT_EQ(waitForEnd(kiosk, path), "cancelled");
    ASSERT_GE(job.entryIndex(), 0);
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "kind"), "erasure");
    EXPECT_NE(records::entryText(recorded, "result"), "erased");
    EXPECT_FALSE(job.cancellable());
}

TEST_F(ServiceJobsTest, OnlyItsOperatorOrAnAdministratorMayCancelAJob) {
    testsupport::LoopDevice device(tmp / "d.img", 1024 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    const QDBusObjectPath path = startErase(session, device, "dod-7", "SVC-D");

    QDBusConnection other = service.connect("other-kiosk");
    ManagerProxy otherManager = service.manager(other);
    service.login(otherManager, "op2");
    JobProxy asOp2(kBusName, path.path(), other);
    auto refused = asOp2.Cancel();
    EXPECT_EQ(errorName(refused), "org.massho.Appliance1.Error.NotAuthorized");
    EXPECT_EQ(asOp2.state(), "running");

    QDBusConnection admin = service.connect("admin-kiosk");
    ManagerProxy adminManager = service.manager(admin);
    service.login(adminManager, "admin");
    JobProxy asAdmin(kBusName, path.path(), admin);
    auto allowed = asAdmin.Cancel();
    EXPECT_EQ(errorName(allowed), "");
    EXPECT_EQ(waitForEnd(kiosk, path), "cancelled");
}

TEST_F(ServiceJobsTest, AJobGoesOnWhenTheKioskThatStartedItIsGone) {
    testsupport::LoopDevice device(tmp / "e.img", 256 * kMiB);
    QDBusObjectPath path;
    {
        QDBusConnection doomed = service.connect("doomed-kiosk");
        ManagerProxy manager = service.manager(doomed);
        manager.GetDevices().waitForFinished();
        SessionProxy session(kBusName, service.login(manager, "op1").path(), doomed);
        path = startErase(session, device, "random", "SVC-E", {{"verify", "full"}});
        ASSERT_FALSE(path.path().isEmpty());
    }
    service.disconnect("doomed-kiosk");  // as a crashed kiosk: its connection closes
    EXPECT_EQ(waitForEnd(kiosk, path), "done");
    JobProxy job(kBusName, path.path(), kiosk);
    EXPECT_EQ(job.operatorId(), "op1");
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "result"), "erased");
}

TEST_F(ServiceJobsTest, ADataManagerCannotApproveTheirOwnRequestButAnotherCan) {
    testsupport::LoopDevice device(tmp / "f.img", 64 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy both(kBusName, service.login(manager, "both").path(), kiosk);
    auto asked = both.RequestErase(QString::fromStdString(device.path()), "zero", "disposal", 1,
                                   "SVC-F", "old tax records");
    ASSERT_EQ(errorName(asked), "") << asked.error().message().toStdString();
    const QString request = asked.value();

    auto own = both.Approve(request);
    EXPECT_EQ(errorName(own), "org.massho.Appliance1.Error.Refused");
    EXPECT_EQ(reasonOf(own), "approval.self");
    EXPECT_EQ(reasonArgsOf(own).value(1), request);
    // Used before it is approved: refused through the erasure's approval gate, its key kept.
    auto early = both.StartErase(QString::fromStdString(device.path()), "zero", "disposal", 1,
                                 "SVC-F", request, {});
    EXPECT_EQ(errorName(early), "org.massho.Appliance1.Error.Refused");
    EXPECT_EQ(reasonOf(early), "request.unapproved");
    EXPECT_EQ(reasonArgsOf(early).value(0), request);

    QDBusConnection second = service.connect("approver-kiosk");
    ManagerProxy secondManager = service.manager(second);
    SessionProxy dm(kBusName, service.login(secondManager, "dm").path(), second);
    auto approved = dm.Approve(request);
    ASSERT_EQ(errorName(approved), "") << approved.error().message().toStdString();

    auto started = both.StartErase(QString::fromStdString(device.path()), "zero", "disposal", 1,
                                   "SVC-F", request, {});
    ASSERT_EQ(errorName(started), "") << started.error().message().toStdString();
    JobProxy job(kBusName, started.value().path(), kiosk);
    EXPECT_EQ(waitForEnd(kiosk, started.value()), "done") << job.result().toStdString();
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "approver"), "dm");
    EXPECT_EQ(records::entryText(recorded, "requester"), "both");
}

TEST_F(ServiceJobsTest, AClass1ErasureWithoutApprovalIsRefusedBeforeAnythingIsWritten) {
    testsupport::LoopDevice device(tmp / "g.img", 64 * kMiB);
    device.writeAt(0, std::vector<uint8_t>(4096, 0x5A));
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    auto reply = session.StartErase(QString::fromStdString(device.path()), "zero", "disposal", 1,
                                    "SVC-G", "", {});
    EXPECT_EQ(errorName(reply), "org.massho.Appliance1.Error.Refused");
    const auto bytes = device.readAll();
    EXPECT_EQ(bytes[0], 0x5A);
}

// Counts org.freedesktop.DBus.Properties.PropertiesChanged of one object.
class PropertiesLog : public QObject {
    Q_OBJECT
  public:
    int count = 0;
    std::vector<qulonglong> bytesDone;
  public slots:
    void changed(const QString&, const QVariantMap& properties, const QStringList&) {
        ++count;
        if (properties.contains("BytesDone"))
            bytesDone.push_back(properties["BytesDone"].toULongLong());
    }
};

TEST_F(ServiceJobsTest, ProgressIsPublishedAtMostFourTimesASecond) {
    testsupport::LoopDevice device(tmp / "p.img", 1024 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    const QDBusObjectPath path = startErase(session, device, "dod-7", "SVC-P");
    ASSERT_FALSE(path.path().isEmpty());
    PropertiesLog log;
    ASSERT_TRUE(kiosk.connect(kBusName, path.path(), "org.freedesktop.DBus.Properties",
                              "PropertiesChanged", &log,
                              SLOT(changed(QString, QVariantMap, QStringList))));
    QElapsedTimer watched;
    watched.start();
    ServiceFixture::waitFor([] { return false; }, std::chrono::milliseconds(2500));
    const double seconds = static_cast<double>(watched.elapsed()) / 1000.0;
    JobProxy job(kBusName, path.path(), kiosk);
    ASSERT_EQ(job.state(), "running") << "the device was erased too fast to watch";
    EXPECT_GE(log.count, 2);
    EXPECT_LE(log.count, static_cast<int>(seconds * 4) + 1);
    ASSERT_GE(log.bytesDone.size(), 2u);
    EXPECT_TRUE(std::is_sorted(log.bytesDone.begin(), log.bytesDone.end()));
    EXPECT_LT(log.bytesDone.front(), log.bytesDone.back());
    job.Cancel().waitForFinished();
    EXPECT_EQ(waitForEnd(kiosk, path), "cancelled");
}

TEST_F(ServiceJobsTest, ASecondJobOnABusyDeviceIsRefused) {
    testsupport::LoopDevice device(tmp / "b2.img", 1024 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    const QDBusObjectPath first = startErase(session, device, "dod-7", "SVC-B2");
    auto second = session.StartErase(QString::fromStdString(device.path()), "zero", "reuse", 4,
                                     "SVC-B2", "", {});
    EXPECT_EQ(errorName(second), "org.massho.Appliance1.Error.Busy");
    JobProxy(kBusName, first.path(), kiosk).Cancel().waitForFinished();
    EXPECT_EQ(waitForEnd(kiosk, first), "cancelled");
}

TEST_F(ServiceJobsTest, ADisabledAccountLosesItsSessionAtTheNextCall) {
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session(kBusName, service.login(manager, "op2").path(), kiosk);
    const auto disabled =
        testsupport::runCommand({MASSHO_CLI, "--data-dir", service.dataDir().string(), "user",
                                 "disable", "op2", "--as", "admin", "--password-stdin"},
                                kPassword + "\n");
    ASSERT_EQ(disabled.exitCode, 0) << disabled.err;
    auto after = session.GetRequests();
    EXPECT_EQ(errorName(after), "org.massho.Appliance1.Error.NotAuthorized");
    auto again = session.GetRequests();
    EXPECT_EQ(errorName(again), "org.freedesktop.DBus.Error.UnknownObject");
}

}  // namespace
}  // namespace massho::service::test

#include "jobs_test.moc"
