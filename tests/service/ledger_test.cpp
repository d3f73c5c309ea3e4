// The media ledger through the service (org.massho.Appliance1.Ledger): a medium registered from
// its attached device, its history, moved to storage, and destroyed before a witness who logged
// in on the same kiosk; and what the service refuses (wrong role, self-witness, unknown asset).
#include <gtest/gtest.h>

#include <memory>

#include "ledger_proxy.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;
const QString kRefused = QStringLiteral("org.massho.Appliance1.Error.Refused");
const QString kNotAuthorized = QStringLiteral("org.massho.Appliance1.Error.NotAuthorized");

class ServiceLedgerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        device = std::make_unique<testsupport::LoopDevice>(tmp / "ledger.img", 8 * kMiB);
        service.startService();
        kiosk = service.connect("kiosk");
        manager = std::make_unique<ManagerProxy>(kBusName, kManagerPath, kiosk);
        manager->GetDevices().waitForFinished();
    }

    QString path() const { return QString::fromStdString(device->path()); }

    // The ledger of a person logged in on `bus`, and their session's path.
    std::unique_ptr<LedgerProxy> ledgerOf(const std::string& user, QString* sessionPath = nullptr,
                                          QDBusConnection* bus = nullptr) {
        QDBusConnection& on = bus ? *bus : kiosk;
        ManagerProxy front = service.manager(on);
        const QString session = service.login(front, user).path();
        if (sessionPath) *sessionPath = session;
        return std::make_unique<LedgerProxy>(kBusName, session + "/ledger", on);
    }

    // Registers the attached loop device as `tag` (class 3); its register entry.
    qlonglong registerDevice(LedgerProxy& ledger, const QString& tag) {
        auto added = ledger.AddMedium(
            path(), tag, 3,
            {{"section", QStringLiteral("税務課")}, {"location", QStringLiteral("サーバー室")}});
        EXPECT_EQ(errorName(added), "") << added.error().message().toStdString();
        return added.isError() ? -1 : added.value();
    }

    testsupport::TempDir tmp;
    std::unique_ptr<testsupport::LoopDevice> device;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
    std::unique_ptr<ManagerProxy> manager;
};

TEST_F(ServiceLedgerTest, AnAttachedMediumIsRegisteredMovedToStorageAndHasItsHistory) {
    auto ledger = ledgerOf("op1");
    auto before = ledger->FindMedium(path());
    ASSERT_EQ(errorName(before), "");
    EXPECT_TRUE(before.value().isEmpty());  // not in the ledger: the card offers to register it

    const qlonglong added = registerDevice(*ledger, "LDG-1");
    const records::EntryFields entry = service.entry(added);
    EXPECT_EQ(records::entryText(entry, "kind"), "medium-registered");
    EXPECT_EQ(records::entryText(entry, "asset"), "LDG-1");
    EXPECT_EQ(records::entryText(entry, "by"), "op1");

    auto found = ledger->FindMedium(path());
    ASSERT_EQ(errorName(found), "");
    EXPECT_EQ(found.value().value("tag").toString(), "LDG-1");
    EXPECT_EQ(found.value().value("state").toString(), "registered");
    EXPECT_EQ(found.value().value("info_class").toInt(), 3);
    EXPECT_EQ(found.value().value("section").toString(), QStringLiteral("税務課"));
    EXPECT_EQ(found.value().value("size").toLongLong(), static_cast<qlonglong>(8 * kMiB));

    // Storage needs the medium write-protected (Art. 8(6)): the ledger's rule, said as it is.
    auto unprotected = ledger->MoveMedium("LDG-1", "stored", {});
    EXPECT_EQ(errorName(unprotected), kRefused);
    auto stored = ledger->MoveMedium(
        "LDG-1", "stored", {{"write_protected", true}, {"location", QStringLiteral("金庫B")}});
    ASSERT_EQ(errorName(stored), "") << stored.error().message().toStdString();
    EXPECT_EQ(records::entryText(service.entry(stored.value()), "kind"), "medium-moved");

    auto shown = ledger->GetMedium("LDG-1");
    ASSERT_EQ(errorName(shown), "");
    const QVariantMap medium = shown.argumentAt<0>();
    const QVariantMapList history = shown.argumentAt<1>();
    EXPECT_EQ(medium.value("state").toString(), "stored");
    EXPECT_EQ(medium.value("location").toString(), QStringLiteral("金庫B"));
    EXPECT_TRUE(medium.value("write_protected").toBool());
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history[0].value("kind").toString(), "medium-registered");
    EXPECT_EQ(history[0].value("index").toLongLong(), added);
    EXPECT_EQ(history[1].value("kind").toString(), "medium-moved");
    EXPECT_EQ(history[1].value("index").toLongLong(), stored.value());
    EXPECT_EQ(history[1].value("state").toString(), "stored");
    EXPECT_FALSE(history[1].value("time").toString().isEmpty());
}

TEST_F(ServiceLedgerTest, ADestructionIsWitnessedByASecondPersonOnTheSameKiosk) {
    QString operatorSession;
    auto ledger = ledgerOf("op1", &operatorSession);
    registerDevice(*ledger, "LDG-2");

    // Never the person destroying it: their own session, or a second session of theirs.
    auto self = ledger->DestroyMedium("LDG-2", "shred", QDBusObjectPath(operatorSession), {});
    EXPECT_EQ(errorName(self), kRefused);
    QString again;
    ledgerOf("op1", &again);
    auto sameAgain = ledger->DestroyMedium("LDG-2", "shred", QDBusObjectPath(again), {});
    EXPECT_EQ(errorName(sameAgain), kRefused);
    // A witness logged in at another kiosk is not standing here.
    QDBusConnection elsewhere = service.connect("other-kiosk");
    QString remote;
    ledgerOf("dm", &remote, &elsewhere);
    auto far = ledger->DestroyMedium("LDG-2", "shred", QDBusObjectPath(remote), {});
    EXPECT_EQ(errorName(far), kNotAuthorized);
    auto nobody = ledger->DestroyMedium("LDG-2", "shred",
                                        QDBusObjectPath("/org/massho/Appliance1/sessions/x"), {});
    EXPECT_EQ(errorName(nobody), kNotAuthorized);

    QString witness;
    ledgerOf("dm", &witness);  // the second person, on this kiosk's connection
    auto unknown = ledger->DestroyMedium("NO-SUCH", "shred", QDBusObjectPath(witness), {});
    EXPECT_EQ(errorName(unknown), "org.massho.Appliance1.Error.InvalidArgument");
    auto destroyed = ledger->DestroyMedium("LDG-2", "crush", QDBusObjectPath(witness),
                                           {{"place", QStringLiteral("地下倉庫")}});
    ASSERT_EQ(errorName(destroyed), "") << destroyed.error().message().toStdString();
    const records::EntryFields entry = service.entry(destroyed.value());
    EXPECT_EQ(records::entryText(entry, "kind"), "medium-destroyed");
    EXPECT_EQ(records::entryText(entry, "asset"), "LDG-2");
    EXPECT_EQ(records::entryText(entry, "by"), "op1");
    EXPECT_EQ(records::entryText(entry, "witness"), "dm");
    EXPECT_EQ(records::entryText(entry, "method"), "crush");

    auto shown = ledger->GetMedium("LDG-2");
    ASSERT_EQ(errorName(shown), "");
    EXPECT_EQ(shown.argumentAt<0>().value("state").toString(), "destroyed");
    EXPECT_EQ(shown.argumentAt<1>().last().value("index").toLongLong(), destroyed.value());
}

TEST_F(ServiceLedgerTest, RefusesTheWrongRoleUnknownAssetsAndOtherConnections) {
    auto auditor = ledgerOf("aud");
    auto added = auditor->AddMedium(path(), "LDG-3", 3, {});
    EXPECT_EQ(errorName(added), kNotAuthorized);
    EXPECT_EQ(reasonOf(added), "role.missing");  // with its key, for the kiosk's language
    auto ledger = ledgerOf("op1");
    EXPECT_TRUE(ledger->FindMedium(path()).value().isEmpty());  // nothing was registered

    auto unknown = ledger->GetMedium("NO-SUCH");
    EXPECT_EQ(errorName(unknown), "org.massho.Appliance1.Error.NotFound");
    auto moveUnknown = ledger->MoveMedium("NO-SUCH", "in-use", {});
    EXPECT_EQ(errorName(moveUnknown), "org.massho.Appliance1.Error.InvalidArgument");
    auto badOption = ledger->AddMedium(path(), "LDG-3", 3, {{"colour", QStringLiteral("red")}});
    EXPECT_EQ(errorName(badOption), "org.massho.Appliance1.Error.InvalidArgument");
    auto notListed = ledger->AddMedium("/dev/not-a-device", "LDG-3", 3, {});
    EXPECT_EQ(errorName(notListed), "org.massho.Appliance1.Error.NotFound");

    registerDevice(*ledger, "LDG-3");
    auto auditorMove = auditor->MoveMedium("LDG-3", "in-use", {});
    EXPECT_EQ(errorName(auditorMove), kNotAuthorized);
    // Another connection may not use this person's ledger.
    QDBusConnection other = service.connect("intruder");
    QString session;
    ledgerOf("op2", &session);
    LedgerProxy stolen(kBusName, session + "/ledger", other);
    auto stolenMove = stolen.MoveMedium("LDG-3", "in-use", {});
    EXPECT_EQ(errorName(stolenMove), kNotAuthorized);
    EXPECT_EQ(reasonOf(stolenMove), "session.other-connection");
}

}  // namespace
}  // namespace massho::service::test
