// Logging in, sessions that belong to one connection, and the roles the service checks itself.
#include <gtest/gtest.h>

#include <QDBusInterface>
#include <QDBusMessage>
#include <QFile>
#include <QXmlStreamReader>
#include <set>
#include <string>

#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr char kNotAuthorized[] = "org.massho.Appliance1.Error.NotAuthorized";

class ServiceLoginTest : public ::testing::Test {
  protected:
    void SetUp() override { service.startService(); }
    ServiceFixture service;
};

TEST_F(ServiceLoginTest, ASessionIsThePersonWithTheirRoles) {
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    const QDBusObjectPath path = service.login(manager, "both");
    SessionProxy session(kBusName, path.path(), kiosk);
    EXPECT_EQ(session.user().toStdString(), "both");
    QStringList roles = session.roles();
    roles.sort();
    EXPECT_EQ(roles, (QStringList{"data-manager", "operator"}));
}

TEST_F(ServiceLoginTest, AWrongPasswordIsNotAuthorizedAndSaysNothingAboutTheId) {
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    auto known = manager.Login("op1", "Wrong-Horse-42");
    ASSERT_EQ(errorName(known), kNotAuthorized);
    // One login at a time per connection: the second is sent once the first is answered.
    auto unknown = manager.Login("nobody", "Wrong-Horse-42");
    ASSERT_EQ(errorName(unknown), kNotAuthorized);
    EXPECT_EQ(known.error().message(), unknown.error().message());
    // The reason a kiosk translates, the same for both.
    EXPECT_EQ(reasonOf(known), "login.wrong");
    EXPECT_EQ(reasonOf(unknown), "login.wrong");
}

TEST_F(ServiceLoginTest, ASessionUsedFromAnotherConnectionIsRefused) {
    QDBusConnection kiosk = service.connect("kiosk");
    QDBusConnection intruder = service.connect("intruder");
    ManagerProxy manager = service.manager(kiosk);
    const QDBusObjectPath path = service.login(manager, "op1");
    SessionProxy stolen(kBusName, path.path(), intruder);
    auto reply = stolen.RequestErase("/dev/loop0", "zero", "reuse", 4, "A-1", "");
    EXPECT_EQ(errorName(reply), kNotAuthorized);
    auto logout = stolen.Logout();
    EXPECT_EQ(errorName(logout), kNotAuthorized);
    // The owner's session is untouched.
    SessionProxy own(kBusName, path.path(), kiosk);
    EXPECT_EQ(own.user().toStdString(), "op1");
}

TEST_F(ServiceLoginTest, AnAuditorCannotStartAnErasure) {
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session(kBusName, service.login(manager, "aud").path(), kiosk);
    auto reply = session.StartErase("/dev/loop0", "zero", "reuse", 4, "A-1", "", {});
    ASSERT_EQ(errorName(reply), kNotAuthorized);
    EXPECT_NE(reply.error().message().indexOf("operator"), -1)
        << reply.error().message().toStdString();
}

TEST_F(ServiceLoginTest, AfterLogoutTheSessionIsGone) {
    QDBusConnection kiosk = service.connect("kiosk");
    ManagerProxy manager = service.manager(kiosk);
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);
    auto logout = session.Logout();
    ASSERT_EQ(errorName(logout), "");
    auto after = session.RequestErase("/dev/loop0", "zero", "reuse", 4, "A-1", "");
    EXPECT_EQ(errorName(after), "org.freedesktop.DBus.Error.UnknownObject");
}

TEST_F(ServiceLoginTest, ASessionEndsWhenItsConnectionCloses) {
    QString path;
    {
        QDBusConnection kiosk = service.connect("short-lived");
        ManagerProxy manager = service.manager(kiosk);
        path = service.login(manager, "op1").path();
    }
    service.disconnect("short-lived");
    QDBusConnection other = service.connect("other");
    QDBusInterface introspect(kBusName, path, "org.freedesktop.DBus.Introspectable", other);
    EXPECT_TRUE(ServiceFixture::waitFor([&] {
        const QDBusMessage reply = introspect.call("Introspect");
        return reply.type() == QDBusMessage::ErrorMessage ||
               reply.arguments().value(0).toString().indexOf("org.massho.Appliance1.Session") == -1;
    }));
}

// Every method (with its argument types), signal and property of `interface` in an
// introspection document, e.g. "method Login(ss)->o", "property Origin s read".
std::set<std::string> members(const QString& xml, const QString& interface) {
    std::set<std::string> out;
    QXmlStreamReader reader(xml);
    bool inside = false;
    std::string current, in, outTypes;
    while (!reader.atEnd()) {
        reader.readNext();
        const QString element = reader.name().toString();
        const auto attr = [&](const char* a) {
            return reader.attributes().value(QLatin1String(a)).toString().toStdString();
        };
        if (reader.isStartElement() && element == "interface")
            inside = attr("name") == interface.toStdString();
        if (!inside) continue;
        if (reader.isStartElement() && (element == "method" || element == "signal")) {
            current = element.toStdString() + " " + attr("name");
            in.clear();
            outTypes.clear();
        } else if (reader.isStartElement() && element == "arg") {
            (attr("direction") == "out" ? outTypes : in) += attr("type");
        } else if (reader.isEndElement() && (element == "method" || element == "signal")) {
            out.insert(current + "(" + in + ")->" + outTypes);
        } else if (reader.isStartElement() && element == "property") {
            out.insert("property " + attr("name") + " " + attr("type") + " " + attr("access"));
        } else if (reader.isEndElement() && element == "interface") {
            inside = false;
        }
    }
    return out;
}

QString contract(const char* interface) {
    QFile file(QStringLiteral(API_DIR "/org.massho.Appliance1.%1.xml").arg(interface));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << interface;
    return QString::fromUtf8(file.readAll());
}

QString introspect(const QDBusConnection& bus, const QString& path) {
    QDBusInterface i(kBusName, path, "org.freedesktop.DBus.Introspectable", bus);
    return i.call("Introspect").arguments().value(0).toString();
}

// The running service offers exactly what the contract in appliance/service/api says.
TEST_F(ServiceLoginTest, TheServiceIntrospectsAsTheContractSays) {
    QDBusConnection kiosk = service.connect("kiosk");
    const auto managerContract = members(contract("Manager"), "org.massho.Appliance1.Manager");
    EXPECT_TRUE(managerContract.count("method Login(ss)->o"));
    EXPECT_TRUE(managerContract.count("method GetDevices()->aa{sv}"));
    EXPECT_TRUE(managerContract.count("signal DeviceAdded(a{sv})->"));
    EXPECT_EQ(members(introspect(kiosk, kManagerPath), "org.massho.Appliance1.Manager"),
              managerContract);

    ManagerProxy manager = service.manager(kiosk);
    const QString session = service.login(manager, "op1").path();
    const auto sessionContract = members(contract("Session"), "org.massho.Appliance1.Session");
    EXPECT_TRUE(sessionContract.count("method StartErase(sssissa{sv})->o"));
    EXPECT_EQ(members(introspect(kiosk, session), "org.massho.Appliance1.Session"),
              sessionContract);
    // The session's records desk (records officers and auditors), at SESSION/records.
    const auto recordsContract = members(contract("Records"), "org.massho.Appliance1.Records");
    EXPECT_TRUE(recordsContract.count("method Search(a{sv}uu)->aa{sv}u"));
    EXPECT_EQ(members(introspect(kiosk, session + "/records"), "org.massho.Appliance1.Records"),
              recordsContract);
    const auto ledgerContract = members(contract("Ledger"), "org.massho.Appliance1.Ledger");
    EXPECT_TRUE(ledgerContract.count("method DestroyMedium(ssoa{sv})->x"));
    EXPECT_EQ(members(introspect(kiosk, session + "/ledger"), "org.massho.Appliance1.Ledger"),
              ledgerContract);
    const auto carryContract = members(contract("Carry"), "org.massho.Appliance1.Carry");
    EXPECT_TRUE(carryContract.count("method StartCarryIn(ssb)->o"));
    EXPECT_EQ(members(introspect(kiosk, session), "org.massho.Appliance1.Carry"), carryContract);
    const auto adminContract = members(contract("Admin"), "org.massho.Appliance1.Admin");
    EXPECT_TRUE(adminContract.count("method AddUser(ssasss)->"));
    EXPECT_EQ(members(introspect(kiosk, session + "/Admin"), "org.massho.Appliance1.Admin"),
              adminContract);
    EXPECT_EQ(manager.origin().toStdString(), "test.example/service");
}

}  // namespace
}  // namespace massho::service::test
