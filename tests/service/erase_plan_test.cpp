// PlanErase: what the kiosk's erase wizard learns before anyone asks for an erasure — the ledger's
// tag and class for the medium, and whether the approval policy wants a data manager first.
#include <gtest/gtest.h>

#include <memory>

#include "job_watch.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;

class ErasePlanTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        device = std::make_unique<testsupport::LoopDevice>(tmp / "plan.img", 8 * kMiB);
        service.startService();
        kiosk = service.connect("kiosk");
    }

    QString path() const { return QString::fromStdString(device->path()); }

    QVariantMap plan(SessionProxy& session, const QString& purpose, int infoClass) {
        auto reply = session.PlanErase(path(), purpose, infoClass);
        reply.waitForFinished();
        EXPECT_FALSE(reply.isError()) << reply.error().message().toStdString();
        return reply.isError() ? QVariantMap() : reply.value();
    }

    testsupport::TempDir tmp;
    std::unique_ptr<testsupport::LoopDevice> device;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(ErasePlanTest, SaysWhenADataManagerMustApproveAndWhatTheLedgerKnows) {
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    EXPECT_EQ(session.idleMinutes(), 10u);  // massho.conf's default [session] idle_minutes

    // Not in the ledger yet: nothing to prefill; the policy's defaults (README, Art. 8(4)).
    QVariantMap fresh = plan(session, "", 0);
    EXPECT_EQ(fresh.value("asset").toString(), "");
    EXPECT_EQ(fresh.value("info_class").toInt(), 0);
    EXPECT_FALSE(fresh.value("approval_required").toBool());
    EXPECT_FALSE(plan(session, "reuse", 4).value("approval_required").toBool());
    EXPECT_TRUE(plan(session, "reuse", 2).value("approval_required").toBool());
    EXPECT_TRUE(plan(session, "disposal", 4).value("approval_required").toBool());

    // An erasure registers the medium: the next plan is prefilled from the ledger's row.
    auto started = session.StartErase(path(), "zero", "reuse", 3, "PLAN-7", "", {});
    started.waitForFinished();
    ASSERT_FALSE(started.isError()) << started.error().message().toStdString();
    EXPECT_EQ(waitForEnd(kiosk, started.value()), "done");
    const QVariantMap known = plan(session, "reuse", 0);
    EXPECT_EQ(known.value("asset").toString(), "PLAN-7");
    EXPECT_EQ(known.value("info_class").toInt(), 3);
    EXPECT_FALSE(known.value("approval_required").toBool());
}

TEST_F(ErasePlanTest, IsForOperatorsAndRefusesUnknownPurposes) {
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy auditor(kBusName, service.login(manager, "aud").path(), kiosk);
    auto refused = auditor.PlanErase(path(), "reuse", 4);
    EXPECT_EQ(errorName(refused), "org.massho.Appliance1.Error.NotAuthorized");

    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    auto unknown = session.PlanErase(path(), "shred", 4);
    EXPECT_EQ(errorName(unknown), "org.massho.Appliance1.Error.InvalidArgument");
    auto badClass = session.PlanErase(path(), "reuse", 7);
    EXPECT_EQ(errorName(badClass), "org.massho.Appliance1.Error.InvalidArgument");
    auto notListed = session.PlanErase("/dev/not-a-device", "reuse", 4);
    EXPECT_EQ(errorName(notListed), "org.massho.Appliance1.Error.NotFound");
}

}  // namespace
}  // namespace massho::service::test
