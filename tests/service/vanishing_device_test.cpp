// A medium that goes away in the middle of a service job. Pulled: a real /dev/loopN over an
// nbdkit export whose every read and write starts failing with EIO (the error filter's trigger
// file), as a USB stick pulled out while it is written or verified; the disk creates the trigger
// itself at a chosen byte, so the pull lands where the test says on every run. Gone: a loop device
// detached while the job holds it and shrunk to nothing, as the kernel leaves a disk that was
// unplugged: size 0, writes refused with ENOSPC, reads empty. Detached only: `losetup -d` waits
// until the job lets go.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <algorithm>
#include <fstream>
#include <iterator>

#include "device_signals.h"
#include "job_watch.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/pullable_disk.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;
// A job on a disk that pulls itself ends well within this (each request a dd in nbdkit's sh
// plugin: 64 MiB written and 16 MiB read back take a few seconds); sector-by-sector retries of a
// disk taken for dying would not.
constexpr std::chrono::seconds kPulledJobLimit{60};

class VanishingDeviceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        // Tools install-deps installs: missing ones fail the test, never skip it.
        ASSERT_TRUE(testsupport::PullableDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        service.startService();
        kiosk = service.connect("kiosk");
    }

    // Logs op1 in once the service lists `device` (the hotplug watch may take a second).
    SessionProxy operatorSession(ManagerProxy& manager, const std::string& device) {
        const QString wanted = QString::fromStdString(device);
        const bool listed = ServiceFixture::waitFor(
            [&] {
                auto devices = manager.GetDevices();
                devices.waitForFinished();
                for (const QVariantMap& d : devices.value())
                    if (d.value("path").toString() == wanted) return true;
                return false;
            },
            std::chrono::seconds(10));
        EXPECT_TRUE(listed) << device << " is not among the service's devices";
        return SessionProxy(kBusName, service.login(manager, "op1").path(), kiosk);
    }

    // Logs op1 in once the service's device watch has announced `device` (DeviceAdded without a
    // GetDevices after the device came: the watch, not a caller, saw it, so it sees it go).
    SessionProxy operatorSessionAfterAdded(ManagerProxy& manager, const DeviceSignals& hotplug,
                                           const std::string& device) {
        EXPECT_TRUE(ServiceFixture::waitFor([&] { return hotplug.wasAdded(device); },
                                            std::chrono::seconds(10)))
            << device << " was not announced; " << hotplug.log();
        return SessionProxy(kBusName, service.login(manager, "op1").path(), kiosk);
    }

    QDBusObjectPath startErase(SessionProxy& session, const std::string& device,
                               const QString& method, const QVariantMap& options) {
        auto reply = session.StartErase(QString::fromStdString(device), method, "reuse", 4,
                                        "SVC-VANISH", "", options);
        reply.waitForFinished();
        EXPECT_FALSE(reply.isError()) << reply.error().message().toStdString();
        return reply.isError() ? QDBusObjectPath() : reply.value();
    }

    bool registerClaimsAnErasure() {
        records::Store store =
            records::Store::open(service.dataDir(), records::Store::Access::ReadOnly);
        bool claimed = false;
        store.signedRegister().forEach([&](uint64_t, const std::string& bytes) {
            const auto e = records::parseEntry(bytes);
            claimed |= records::entryText(e, "kind") == "erasure" &&
                       records::entryText(e, "result") == "erased";
        });
        return claimed;
    }

    // What the operator and an auditor see of a job whose device went away: failed, the device
    // named with what happened and what to do, one register entry that says so with the ranges.
    void expectFailedAndRecorded(JobProxy& job, const std::string& device) {
        const std::string result = job.result().toStdString();
        EXPECT_NE(result.find(device), std::string::npos) << result;
        EXPECT_NE(result.find("FAILED"), std::string::npos) << result;
        EXPECT_NE(result.find("stopped answering"), std::string::npos) << result;
        EXPECT_NE(result.find("unplugged"), std::string::npos) << result;
        EXPECT_NE(result.find("erase it again"), std::string::npos) << result;
        EXPECT_NE(result.find("NOT erased"), std::string::npos) << result;
        ASSERT_GE(job.entryIndex(), 0) << result;
        const auto recorded = service.entry(job.entryIndex());
        EXPECT_EQ(records::entryText(recorded, "kind"), "erasure");
        EXPECT_EQ(records::entryText(recorded, "result"), "failed");
        EXPECT_EQ(records::entryText(recorded, "device_path"), device);
        EXPECT_EQ(records::entryText(recorded, "nist_level"), "none");
        EXPECT_NE(records::entryText(recorded, "failure").find("stopped answering"),
                  std::string::npos);
        EXPECT_NE(records::entryText(recorded, "error_ranges"), "");
        EXPECT_FALSE(registerClaimsAnErasure());
    }

    // The service goes on: it answers, lists the job, lets another person in, and its register
    // verifies.
    void expectServiceStillServes(ManagerProxy& manager) {
        ASSERT_TRUE(service.serviceRunning()) << service.serviceOutput();
        auto jobs = manager.GetJobs();
        ASSERT_EQ(errorName(jobs), "");
        EXPECT_EQ(jobs.value().size(), 1);
        QDBusConnection second = service.connect("second-kiosk");
        ManagerProxy secondManager = service.manager(second);
        EXPECT_FALSE(service.login(secondManager, "op2").path().isEmpty());
        const auto verify =
            testsupport::runCommand({MASSHO_CLI, "register", "verify", service.dataDir().string()});
        EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    }

    testsupport::TempDir tmp;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

// Waits until `job` has ended and says how long that took after `since`.
QString endOf(const QDBusConnection& bus, const QDBusObjectPath& path, const QElapsedTimer& since,
              std::chrono::seconds limit) {
    QString state = waitForEnd(bus, path, limit);
    EXPECT_LT(since.elapsed(), std::chrono::milliseconds(limit).count())
        << "the job took too long to notice the device was gone";
    return state;
}

// The disk pulls itself out at the first write past 16 MiB, so the pull falls mid-pass on every
// run, however fast or loaded the machine (a pull timed from the job's progress reports could
// find the 64 MiB pass already done). The job stops in the chunk it was writing: 16 MiB written,
// that chunk the error range, nothing retried.
TEST_F(VanishingDeviceTest, APulledMediumFailsItsJobMidPassWithTheReason) {
    testsupport::PullableDisk disk(
        tmp.path(), 64 * kMiB,
        testsupport::SelfPull{testsupport::SelfPull::During::Writing, 16 * kMiB});
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session = operatorSession(manager, disk.path());
    const QDBusObjectPath path = startErase(session, disk.path(), "zero", {});
    ASSERT_FALSE(path.path().isEmpty());
    JobProxy job(kBusName, path.path(), kiosk);

    EXPECT_EQ(waitForEnd(kiosk, path, kPulledJobLimit), "failed") << job.result().toStdString();
    EXPECT_TRUE(disk.pulled());
    EXPECT_EQ(job.bytesDone(), 16 * kMiB);
    expectFailedAndRecorded(job, disk.path());
    EXPECT_NE(job.result().toStdString().find("pass 1 of 1"), std::string::npos);
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "verify_result"), "not-run");
    EXPECT_EQ(records::entryIntegerOr(recorded, "bytes_written", -1),
              static_cast<int64_t>(16 * kMiB));
    EXPECT_EQ(records::entryText(recorded, "error_ranges"),
              std::to_string(16 * kMiB) + "+" + std::to_string(4 * kMiB));
    expectServiceStillServes(manager);
}

// Pulled by itself at the first read past 16 MiB once the whole disk has been written: the job
// is verifying on every run. 64 MiB written, 16 MiB read back, the next chunk the error range.
TEST_F(VanishingDeviceTest, APulledMediumFailsItsJobDuringVerificationWithTheReason) {
    testsupport::PullableDisk disk(
        tmp.path(), 64 * kMiB,
        testsupport::SelfPull{testsupport::SelfPull::During::ReadingBack, 16 * kMiB});
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session = operatorSession(manager, disk.path());
    const QDBusObjectPath path = startErase(session, disk.path(), "zero", {{"verify", "full"}});
    ASSERT_FALSE(path.path().isEmpty());
    JobProxy job(kBusName, path.path(), kiosk);

    EXPECT_EQ(waitForEnd(kiosk, path, kPulledJobLimit), "failed") << job.result().toStdString();
    EXPECT_TRUE(disk.pulled());
    expectFailedAndRecorded(job, disk.path());
    EXPECT_NE(job.result().toStdString().find("verification"), std::string::npos);
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "verify_result"), "failed");
    EXPECT_EQ(records::entryIntegerOr(recorded, "bytes_written", -1),
              static_cast<int64_t>(64 * kMiB));
    EXPECT_EQ(records::entryIntegerOr(recorded, "verify_bytes", -1),
              static_cast<int64_t>(16 * kMiB));
    EXPECT_EQ(records::entryText(recorded, "error_ranges"),
              std::to_string(16 * kMiB) + "+" + std::to_string(4 * kMiB));
    expectServiceStillServes(manager);
}

// What the kernel does to an unplugged disk that a program still holds (size 0, writes refused
// with ENOSPC, reads empty), done to a loop device, then `losetup -d` (deferred while the job
// holds it). The job fails naming it, and the device is reported removed.
TEST_F(VanishingDeviceTest, ADeviceThatShrinksToNothingFailsItsJobAndIsReportedRemoved) {
    ManagerProxy manager = service.manager(kiosk);
    DeviceSignals hotplug(manager);
    manager.GetDevices().waitForFinished();  // subscribed before the device comes
    testsupport::LoopDevice device(tmp / "gone.img", 1024 * kMiB);
    const std::string devicePath = device.path();
    SessionProxy session = operatorSessionAfterAdded(manager, hotplug, devicePath);
    const QDBusObjectPath path = startErase(session, devicePath, "dod-7", {});
    ASSERT_FALSE(path.path().isEmpty());
    JobProxy job(kBusName, path.path(), kiosk);
    ASSERT_TRUE(ServiceFixture::waitFor([&] { return job.bytesDone() > 0; }));
    ASSERT_EQ(job.state(), "running");
    device.shrinkToNothing();
    device.detach();  // deferred: done by the kernel when the job closes it
    QElapsedTimer gone;
    gone.start();

    EXPECT_EQ(endOf(kiosk, path, gone, std::chrono::seconds(30)), "failed")
        << job.result().toStdString();
    expectFailedAndRecorded(job, devicePath);
    EXPECT_TRUE(ServiceFixture::waitFor([&] { return hotplug.wasRemoved(devicePath); },
                                        std::chrono::seconds(10)))
        << devicePath << " was not reported removed; " << hotplug.log();
    expectServiceStillServes(manager);
}

// `losetup -d` of a device a job holds open is deferred by the kernel: the device and its backing
// file stay, the erasure goes on to the end and is true; the device is reported removed once the
// job has closed it.
TEST_F(VanishingDeviceTest, ADetachedLoopDeviceIsErasedToTheEndThenReportedRemoved) {
    ManagerProxy manager = service.manager(kiosk);
    DeviceSignals hotplug(manager);
    manager.GetDevices().waitForFinished();  // subscribed before the device comes
    testsupport::LoopDevice device(tmp / "detached.img", 512 * kMiB);
    device.writeAt(300 * kMiB, std::vector<uint8_t>(4096, 0xC3));
    const std::string devicePath = device.path();
    SessionProxy session = operatorSessionAfterAdded(manager, hotplug, devicePath);
    const QDBusObjectPath path = startErase(session, devicePath, "dod-7", {{"verify", "full"}});
    ASSERT_FALSE(path.path().isEmpty());
    JobProxy job(kBusName, path.path(), kiosk);
    ASSERT_TRUE(ServiceFixture::waitFor([&] { return job.bytesDone() > 0; }));
    ASSERT_EQ(job.state(), "running");
    device.detach();
    EXPECT_FALSE(hotplug.wasRemoved(devicePath)) << "removed while the job still holds it";

    EXPECT_EQ(waitForEnd(kiosk, path), "done") << job.result().toStdString();
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "result"), "erased");
    EXPECT_EQ(records::entryText(recorded, "verify_result"), "passed");
    EXPECT_TRUE(ServiceFixture::waitFor([&] { return hotplug.wasRemoved(devicePath); },
                                        std::chrono::seconds(10)))
        << devicePath << " was not reported removed after the job closed it; " << hotplug.log();
    // The backing file holds what the job wrote.
    std::ifstream backing(device.backingFile(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(backing), {}};
    ASSERT_EQ(bytes.size(), 512 * kMiB);
    EXPECT_NE(bytes.substr(300 * kMiB, 4096), std::string(4096, '\xC3'));
    expectServiceStillServes(manager);
}

}  // namespace
}  // namespace massho::service::test
