#include "service_fixture.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QThread>
#include <csignal>
#include <fstream>
#include <stdexcept>

#include "massho/records/people/store.h"

namespace massho::service::test {

namespace {

// A system-like bus of our own: EXTERNAL authentication (the caller's uid, as on the system
// bus), a socket in a private temporary folder; anyone on this machine's test may talk to it.
std::string busConfig() {
    return R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
)";
}

void makeDataDir(const std::filesystem::path& dir) {
    using records::Role;
    records::Store store =
        records::Store::create(dir, "test.example/service", "admin", "Admin", kPassword);
    auto& users = store.users();
    users.add({"op1", "", {Role::Operator}, {}}, kPassword, "admin");
    users.add({"op2", "", {Role::Operator}, {}}, kPassword, "admin");
    users.add({"dm", "", {Role::DataManager}, {}}, kPassword, "admin");
    users.add({"both", "", {Role::Operator, Role::DataManager}, {}}, kPassword, "admin");
    users.add({"aud", "", {Role::Auditor}, {}}, kPassword, "admin");
    users.add({"rec", "", {Role::RecordsOfficer}, {}}, kPassword, "admin");
}

}  // namespace

ServiceFixture::ServiceFixture() : dataDir_(tmp_ / "data") {
    makeDataDir(dataDir_);
    std::ofstream(tmp_ / "bus.conf") << busConfig();
    bus_ = std::make_unique<QProcess>();
    bus_->start(
        QStringLiteral("dbus-daemon"),
        {QStringLiteral("--config-file=") + QString::fromStdString((tmp_ / "bus.conf").string()),
         QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    if (!bus_->waitForStarted() || !bus_->waitForReadyRead(10000))
        throw std::runtime_error("dbus-daemon did not start: is the dbus-daemon package there?");
    busAddress_ = QString::fromUtf8(bus_->readLine()).trimmed();
}

ServiceFixture::~ServiceFixture() {
    for (const QString& name : clients_) QDBusConnection::disconnectFromBus(name);
    if (service_ && service_->state() != QProcess::NotRunning) {
        service_->terminate();
        if (!service_->waitForFinished(60000)) service_->kill();
        service_->waitForFinished();
    }
    bus_->terminate();
    bus_->waitForFinished();
}

void ServiceFixture::startService() {
    service_ = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress_);
    service_->setProcessEnvironment(env);
    service_->setProcessChannelMode(QProcess::MergedChannels);
    service_->start(QStringLiteral(MASSHOD),
                    {QStringLiteral("--data-dir"), QString::fromStdString(dataDir_.string())});
    ASSERT_TRUE(service_->waitForStarted());
    QDBusConnection probe = QDBusConnection::connectToBus(busAddress_, QStringLiteral("probe"));
    const bool owned = waitFor([&] {
        return probe.interface()->isServiceRegistered(kBusName).value() ||
               service_->state() == QProcess::NotRunning;
    });
    QDBusConnection::disconnectFromBus(QStringLiteral("probe"));
    ASSERT_TRUE(owned && service_->state() == QProcess::Running) << serviceOutput();
}

void ServiceFixture::killService(int signal) {
    ::kill(static_cast<pid_t>(service_->processId()), signal);
    service_->waitForFinished(60000);
}

bool ServiceFixture::serviceRunning() const {
    return service_ && service_->state() == QProcess::Running;
}

std::string ServiceFixture::serviceOutput() {
    return service_ ? service_->readAll().toStdString() : std::string();
}

QDBusConnection ServiceFixture::connect(const QString& name) {
    clients_.push_back(name);
    return QDBusConnection::connectToBus(busAddress_, name);
}

void ServiceFixture::disconnect(const QString& name) {
    QDBusConnection::disconnectFromBus(name);
}

ManagerProxy ServiceFixture::manager(const QDBusConnection& bus) const {
    return ManagerProxy(kBusName, kManagerPath, bus);
}

QDBusObjectPath ServiceFixture::login(ManagerProxy& manager, const std::string& user) {
    auto reply = manager.Login(QString::fromStdString(user), QString::fromStdString(kPassword));
    reply.waitForFinished();
    EXPECT_FALSE(reply.isError()) << user << ": " << reply.error().message().toStdString();
    return reply.isError() ? QDBusObjectPath() : reply.value();
}

bool ServiceFixture::waitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeout.count()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

}  // namespace massho::service::test
