// Listing devices never stalls the service: masshod lists (libblkid reads every disk) on a thread
// of its own, so while a probe waits on a disk whose reads hang (nbdkit behind nbdfuse and a real
// /dev/loopN, stalling_disk.h), logins, the job list and Cancel answer, and GetDevices answers
// once the listing ends. A disk a running job holds is not probed again.
#include <gtest/gtest.h>
#include <signal.h>

#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <csignal>

#include "job_watch.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/stalling_disk.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;
// A call the main loop is free to answer comes back well within this, even on a loaded build
// machine; a probe held up by the stalled disk is held until the test releases it.
constexpr std::chrono::seconds kAnswers{10};

bool lists(const QVariantMapList& devices, const std::string& path) {
    for (const QVariantMap& d : devices)
        if (d.value("path").toString().toStdString() == path) return true;
    return false;
}

QVariantMap described(const QVariantMapList& devices, const std::string& path) {
    for (const QVariantMap& d : devices)
        if (d.value("path").toString().toStdString() == path) return d;
    return {};
}

// How long a call took to come back.
template <typename Reply>
std::chrono::milliseconds answered(Reply reply) {
    QElapsedTimer timer;
    timer.start();
    reply.waitForFinished();
    EXPECT_FALSE(reply.isError()) << reply.error().message().toStdString();
    return std::chrono::milliseconds(timer.elapsed());
}

class DeviceListingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        ASSERT_TRUE(testsupport::StallingDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        service.startService();
        kiosk = service.connect("kiosk");
    }

    QVariantMapList devices(ManagerProxy& manager) {
        auto reply = manager.GetDevices();
        reply.waitForFinished();
        EXPECT_FALSE(reply.isError()) << reply.error().message().toStdString();
        return reply.value();
    }

    QDBusObjectPath startErase(SessionProxy& session, const std::string& device,
                               const QString& method, const QString& verify) {
        auto reply = session.StartErase(QString::fromStdString(device), method, "reuse", 4,
                                        "SVC-LIST", "", {{"verify", verify}});
        reply.waitForFinished();
        EXPECT_FALSE(reply.isError()) << reply.error().message().toStdString();
        return reply.isError() ? QDBusObjectPath() : reply.value();
    }

    // Stalls the disk and asks for a listing; returns once the listing waits on it.
    QDBusPendingReply<QVariantMapList> listingStalledOn(ManagerProxy& manager,
                                                        const testsupport::StallingDisk& disk) {
        disk.stall();
        auto pending = manager.GetDevices();
        EXPECT_TRUE(
            ServiceFixture::waitFor([&] { return disk.readWaiting(); }, std::chrono::seconds(20)))
            << "the listing never read the stalled disk";
        return pending;
    }

    testsupport::TempDir tmp;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(DeviceListingTest, WhileAListingWaitsOnADiskTheServiceAnswersAndGetDevicesAfterIt) {
    testsupport::StallingDisk slow(tmp.path(), 64 * kMiB);
    testsupport::LoopDevice busy(tmp / "busy.img", 1024 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    ASSERT_TRUE(lists(devices(manager), slow.path()));
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    const QDBusObjectPath path = startErase(session, busy.path(), "dod-7", "full");
    ASSERT_FALSE(path.path().isEmpty());
    JobProxy job(kBusName, path.path(), kiosk);

    auto first = listingStalledOn(manager, slow);
    QDBusConnection second = service.connect("second-kiosk");
    ManagerProxy secondManager = service.manager(second);
    auto concurrent = secondManager.GetDevices();  // answered by the listing after this one

    QElapsedTimer login;
    login.start();
    EXPECT_FALSE(service.login(secondManager, "op2").path().isEmpty());
    EXPECT_LT(login.elapsed(), std::chrono::milliseconds(kAnswers).count());
    EXPECT_LT(answered(manager.GetJobs()), kAnswers);
    EXPECT_LT(answered(job.Cancel()), kAnswers);
    EXPECT_EQ(waitForEnd(kiosk, path), "cancelled");
    EXPECT_TRUE(slow.readWaiting());
    EXPECT_FALSE(first.isFinished()) << "answered before the listing it asked for ended";
    EXPECT_FALSE(concurrent.isFinished()) << "answered before the listing it asked for ended";

    slow.release();
    for (auto* reply : {&first, &concurrent}) {
        reply->waitForFinished();
        ASSERT_FALSE(reply->isError()) << reply->error().message().toStdString();
        EXPECT_TRUE(lists(reply->value(), slow.path()));
        EXPECT_TRUE(lists(reply->value(), busy.path()));
    }
}

TEST_F(DeviceListingTest, ManyGetDevicesAtOnceAllGetTheAnswer) {
    testsupport::LoopDevice device(tmp / "many.img", 64 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    std::vector<QDBusPendingReply<QVariantMapList>> replies;
    replies.reserve(20);
    for (int i = 0; i < 20; ++i) replies.push_back(manager.GetDevices());
    for (auto& reply : replies) {
        reply.waitForFinished();
        ASSERT_FALSE(reply.isError()) << reply.error().message().toStdString();
        EXPECT_TRUE(lists(reply.value(), device.path()));
    }
}

// The disk being erased is listed as it was before the job, without being read: its reads
// stall, and GetDevices still answers.
TEST_F(DeviceListingTest, ADiskBeingErasedIsListedWithItsDescriptionAndNotProbed) {
    testsupport::StallingDisk disk(tmp.path(), 256 * kMiB, std::chrono::milliseconds(100));
    ManagerProxy manager = service.manager(kiosk);
    const QVariantMap before = described(devices(manager), disk.path());
    ASSERT_FALSE(before.isEmpty());
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    const QDBusObjectPath path = startErase(session, disk.path(), "zero", "none");
    ASSERT_FALSE(path.path().isEmpty());
    JobProxy job(kBusName, path.path(), kiosk);
    ASSERT_TRUE(ServiceFixture::waitFor([&] { return job.bytesDone() > 0; }));
    ASSERT_EQ(job.state(), "running");

    disk.stall();
    QElapsedTimer timer;
    timer.start();
    const QVariantMap during = described(devices(manager), disk.path());
    EXPECT_LT(timer.elapsed(), std::chrono::milliseconds(kAnswers).count());
    EXPECT_EQ(during, before);
    EXPECT_FALSE(disk.readWaiting()) << "the service read the disk a job holds";
    EXPECT_EQ(job.state(), "running");
    disk.release();  // the job may read as it ends

    EXPECT_LT(answered(job.Cancel()), kAnswers);
    EXPECT_EQ(waitForEnd(kiosk, path), "cancelled");
}

// SIGTERM does not wait for a listing that waits on a disk: the service gives up its name at
// once, and the process is gone as soon as the kernel lets the waiting read go (a thread in an
// uninterruptible read keeps even an exiting process, whatever it does).
TEST_F(DeviceListingTest, TheServiceStopsWhileAListingWaits) {
    testsupport::StallingDisk slow(tmp.path(), 64 * kMiB);
    ManagerProxy manager = service.manager(kiosk);
    ASSERT_TRUE(lists(devices(manager), slow.path()));
    auto pending = listingStalledOn(manager, slow);

    QDBusConnectionInterface* bus = kiosk.interface();
    const pid_t pid = static_cast<pid_t>(bus->servicePid(kBusName).value());
    ASSERT_GT(pid, 0);
    ::kill(pid, SIGTERM);
    const auto named = [&] { return bus->isServiceRegistered(kBusName).value(); };
    EXPECT_TRUE(ServiceFixture::waitFor([&] { return !named(); }, kAnswers))
        << "the service still holds its name while a listing waits";
    EXPECT_TRUE(slow.readWaiting());
    slow.release();
    EXPECT_TRUE(ServiceFixture::waitFor([&] { return !service.serviceRunning(); },
                                        std::chrono::seconds(30)))
        << service.serviceOutput();
}

}  // namespace
}  // namespace massho::service::test
