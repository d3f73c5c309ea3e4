// The administrator's interface (org.massho.Appliance1.Admin): accounts, the key book and the
// policy through a real masshod, with the roles and refusals massho(1) has.
#include <gtest/gtest.h>

#include <QDBusPendingReply>
#include <map>
#include <memory>
#include <optional>

#include "admin_proxy.h"
#include "massho/records/people/config_settings.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr char kNotAuthorized[] = "org.massho.Appliance1.Error.NotAuthorized";
constexpr char kRefused[] = "org.massho.Appliance1.Error.Refused";
constexpr char kInvalidArgument[] = "org.massho.Appliance1.Error.InvalidArgument";
// The example key of age's documentation (a public key only).
constexpr char kAgeKey[] = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

class ServiceAdminTest : public ::testing::Test {
  protected:
    void SetUp() override {
        service.startService();
        kiosk = service.connect("kiosk");
    }
    // The Admin object of `user`'s session on the kiosk's connection.
    std::unique_ptr<AdminProxy> adminOf(const std::string& user) {
        ManagerProxy manager = service.manager(kiosk);
        const QString path = service.login(manager, user).path() + "/Admin";
        return std::make_unique<AdminProxy>(kBusName, path, kiosk);
    }
    static std::optional<QVariantMap> userIn(const QVariantMapList& users, const QString& id) {
        for (const QVariantMap& user : users)
            if (user.value("id").toString() == id) return user;
        return std::nullopt;
    }

    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(ServiceAdminTest, AnAdministratorAddsAPersonWhoThenLogsInWithTheirRoles) {
    auto admin = adminOf("admin");
    auto added = admin->AddUser("sato", QStringLiteral("佐藤 花子"), {"operator", "auditor"}, "",
                                "Sato-Hanako-77");
    ASSERT_EQ(errorName(added), "") << added.error().message().toStdString();

    auto users = admin->GetUsers(false);
    ASSERT_EQ(errorName(users), "");
    const auto sato = userIn(users.value(), "sato");
    ASSERT_TRUE(sato);
    EXPECT_EQ(sato->value("name").toString(), QStringLiteral("佐藤 花子"));
    QStringList roles = sato->value("roles").toStringList();
    roles.sort();
    EXPECT_EQ(roles, (QStringList{"auditor", "operator"}));
    EXPECT_FALSE(sato->value("disabled").toBool());
    EXPECT_EQ(sato->value("last_login").toString(), "");

    ManagerProxy manager = service.manager(service.connect("sato-kiosk"));
    auto login = manager.Login("sato", "Sato-Hanako-77");
    EXPECT_EQ(errorName(login), "");
}

TEST_F(ServiceAdminTest, AWeakFirstPasswordOrATakenIdIsRefusedWithItsReason) {
    auto admin = adminOf("admin");
    auto weak = admin->AddUser("kato", "", {"operator"}, "", "short");
    EXPECT_EQ(errorName(weak), kInvalidArgument);
    EXPECT_EQ(reasonOf(weak), "password.short");
    EXPECT_EQ(reasonArgsOf(weak), QStringList{"12"});
    auto taken = admin->AddUser("op1", "", {"operator"}, "", "Another-Horse-42");
    EXPECT_EQ(reasonOf(taken), "user.exists");
    auto noRole = admin->AddUser("kato", "", {}, "", "Another-Horse-42");
    EXPECT_EQ(reasonOf(noRole), "user.no-role");
}

TEST_F(ServiceAdminTest, APersonWithoutTheAdminRoleIsRefusedEveryChange) {
    auto operatorAdmin = adminOf("op1");
    auto added = operatorAdmin->AddUser("kato", "", {"operator"}, "", "Another-Horse-42");
    EXPECT_EQ(errorName(added), kNotAuthorized);
    EXPECT_EQ(reasonOf(added), "role.missing");
    EXPECT_EQ(reasonArgsOf(added).value(0), "op1");
    auto disabled = operatorAdmin->SetUserEnabled("op2", false);
    EXPECT_EQ(errorName(disabled), kNotAuthorized);
    auto listed = operatorAdmin->GetUsers(false);
    EXPECT_EQ(errorName(listed), kNotAuthorized);
    auto key = operatorAdmin->AddRecipient("kita", kAgeKey, "Kita ward");
    EXPECT_EQ(errorName(key), kNotAuthorized);
    auto policy = operatorAdmin->GetPolicy();
    EXPECT_EQ(errorName(policy), kNotAuthorized);

    // Nothing changed: op2 still logs in, kato does not exist.
    auto admin = adminOf("admin");
    auto users = admin->GetUsers(false);
    ASSERT_EQ(errorName(users), "");
    EXPECT_FALSE(userIn(users.value(), "kato"));
    EXPECT_FALSE(userIn(users.value(), "op2")->value("disabled").toBool());
}

TEST_F(ServiceAdminTest, ADisabledPersonCannotLogInAndTheLastAdministratorStays) {
    auto admin = adminOf("admin");
    auto disabled = admin->SetUserEnabled("op2", false);
    ASSERT_EQ(errorName(disabled), "");
    ManagerProxy other = service.manager(service.connect("op2-kiosk"));
    auto login = other.Login("op2", QString::fromStdString(kPassword));
    EXPECT_EQ(errorName(login), kNotAuthorized);
    EXPECT_EQ(reasonOf(login), "login.disabled");
    auto users = admin->GetUsers(false);
    EXPECT_TRUE(userIn(users.value(), "op2")->value("disabled").toBool());

    auto last = admin->SetUserEnabled("admin", false);
    EXPECT_EQ(errorName(last), kRefused);
    EXPECT_EQ(reasonOf(last), "user.last-admin");
    auto still = admin->GetUsers(false);
    EXPECT_FALSE(userIn(still.value(), "admin")->value("disabled").toBool());

    auto enabled = admin->SetUserEnabled("op2", true);
    ASSERT_EQ(errorName(enabled), "");
    auto again = other.Login("op2", QString::fromStdString(kPassword));
    EXPECT_EQ(errorName(again), "");
}

TEST_F(ServiceAdminTest, DormantIdsAreThoseNotUsedForTheConfiguredDays) {
    auto admin = adminOf("admin");
    // Everyone was created moments ago: no one is dormant yet, though all are listed.
    auto dormant = admin->GetUsers(true);
    ASSERT_EQ(errorName(dormant), "");
    EXPECT_TRUE(dormant.value().isEmpty());
    auto all = admin->GetUsers(false);
    EXPECT_EQ(all.value().size(), 7);
}

TEST_F(ServiceAdminTest, TheKeyBookIsListedChangedByAnAdministratorAndReadByAnOperator) {
    auto admin = adminOf("admin");
    auto added = admin->AddRecipient("kita", kAgeKey, QStringLiteral("北区役所"));
    ASSERT_EQ(errorName(added), "") << added.error().message().toStdString();
    EXPECT_FALSE(added.value().isEmpty());  // the fingerprint
    auto twice = admin->AddRecipient("kita", kAgeKey, "");
    EXPECT_EQ(reasonOf(twice), "recipient.exists");
    auto bad = admin->AddRecipient("minami", "age1nope", "");
    EXPECT_EQ(errorName(bad), kInvalidArgument);
    EXPECT_EQ(reasonOf(bad), "recipient.bad-key");

    auto book = adminOf("op1")->GetRecipients();
    ASSERT_EQ(errorName(book), "");
    ASSERT_EQ(book.value().size(), 1);
    EXPECT_EQ(book.value().at(0).value("label").toString(), QStringLiteral("北区役所"));
    EXPECT_EQ(book.value().at(0).value("public_key").toString(), kAgeKey);
    EXPECT_EQ(book.value().at(0).value("added_by").toString(), "admin");

    auto removed = admin->RemoveRecipient("kita");
    ASSERT_EQ(errorName(removed), "");
    auto gone = admin->RemoveRecipient("kita");
    EXPECT_EQ(reasonOf(gone), "recipient.unknown");
    EXPECT_TRUE(admin->GetRecipients().value().isEmpty());
}

TEST_F(ServiceAdminTest, ThePolicyIsTheSettingsInEffect) {
    auto policy = adminOf("aud")->GetPolicy();
    ASSERT_EQ(errorName(policy), "");
    std::map<QString, QString> settings;
    for (const QVariantMap& row : policy.value())
        settings[row.value("section").toString() + "." + row.value("key").toString()] =
            row.value("value").toString();
    EXPECT_EQ(settings["password.min_length"], "12");
    EXPECT_EQ(settings["lockout.max_failures"], "5");
    EXPECT_EQ(settings["accounts.dormant_days"], "90");
    EXPECT_EQ(settings["approval.required.disposal"], "1,2,3,4");
    EXPECT_EQ(settings["approval.required.reuse"], "1,2");
    EXPECT_EQ(settings["media.unregistered"], "register");
    EXPECT_EQ(settings["devices.stall_seconds"], "60");
    // Every setting massho.conf accepts is listed, so the kiosk shows the whole policy.
    for (const std::string& name : records::configSettingNames())
        EXPECT_TRUE(settings.contains(QString::fromStdString(name))) << name << " is not listed";
    EXPECT_EQ(settings.size(), records::configSettingNames().size()) << "and nothing else";
}

TEST_F(ServiceAdminTest, AnotherConnectionCannotUseTheAdminObject) {
    ManagerProxy manager = service.manager(kiosk);
    const QString path = service.login(manager, "admin").path() + "/Admin";
    AdminProxy stolen(kBusName, path, service.connect("intruder"));
    auto added = stolen.AddUser("evil", "", {"admin"}, "", "Evil-Horse-4242");
    EXPECT_EQ(errorName(added), kNotAuthorized);
    EXPECT_EQ(reasonOf(added), "session.other-connection");
}

}  // namespace
}  // namespace massho::service::test
