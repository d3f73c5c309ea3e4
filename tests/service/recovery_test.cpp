// kill -9 of the service in the middle of a pass: after a restart the job shows as interrupted,
// nothing claims it finished, and the register still verifies.
#include <gtest/gtest.h>

#include <csignal>

#include "job_watch.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

TEST(ServiceRecoveryTest, AJobKilledMidPassIsRecordedAndShownAsInterrupted) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    testsupport::LoopDevice device(tmp / "k.img", 2048ull * 1024 * 1024);
    ServiceFixture service;
    service.startService();
    QDBusObjectPath path;
    {
        QDBusConnection kiosk = service.connect("kiosk");
        ManagerProxy manager = service.manager(kiosk);
        manager.GetDevices().waitForFinished();
        SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
        auto started = session.StartErase(QString::fromStdString(device.path()), "dod-7", "reuse",
                                          4, "SVC-K", "", {});
        started.waitForFinished();
        ASSERT_FALSE(started.isError()) << started.error().message().toStdString();
        JobProxy job(kBusName, started.value().path(), kiosk);
        ASSERT_TRUE(ServiceFixture::waitFor([&] { return job.bytesDone() > 0; }));
    }
    service.killService(SIGKILL);
    ASSERT_FALSE(service.serviceRunning());

    service.startService();
    QDBusConnection kiosk = service.connect("kiosk-after");
    ManagerProxy manager = service.manager(kiosk);
    auto jobs = manager.GetJobs();
    jobs.waitForFinished();
    ASSERT_EQ(jobs.value().size(), 1);
    JobProxy job(kBusName, jobs.value()[0].path(), kiosk);
    EXPECT_EQ(job.state(), "interrupted");
    EXPECT_EQ(job.device().toStdString(), device.path());
    EXPECT_EQ(job.operatorId(), "op1");
    EXPECT_FALSE(job.cancellable());
    ASSERT_GE(job.entryIndex(), 0);

    {
        records::Store store =
            records::Store::open(service.dataDir(), records::Store::Access::ReadOnly);
        const auto recorded = records::parseEntry(
            store.signedRegister().entry(static_cast<uint64_t>(job.entryIndex())));
        EXPECT_EQ(records::entryText(recorded, "kind"), "erasure");
        EXPECT_EQ(records::entryText(recorded, "result"), "interrupted");
        // Nothing in the register says this device was erased.
        bool claimedErased = false;
        store.signedRegister().forEach([&](uint64_t, const std::string& bytes) {
            const auto e = records::parseEntry(bytes);
            claimedErased |= records::entryText(e, "kind") == "erasure" &&
                             records::entryText(e, "result") == "erased";
        });
        EXPECT_FALSE(claimedErased);
    }
    const auto verify =
        testsupport::runCommand({MASSHO_CLI, "register", "verify", service.dataDir().string()});
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;

    // A second restart does not record it twice.
    service.killService(SIGTERM);
    service.startService();
    QDBusConnection again = service.connect("kiosk-again");
    ManagerProxy managerAgain = service.manager(again);
    auto none = managerAgain.GetJobs();
    none.waitForFinished();
    EXPECT_EQ(none.value().size(), 0);
}

}  // namespace
}  // namespace massho::service::test
