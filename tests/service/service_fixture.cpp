#include "service_fixture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QThread>
#include <csignal>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "massho/records/people/store.h"

namespace massho::service::test {

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// A bus that behaves like the system bus (system-bus.conf.in: its type, EXTERNAL
// authentication, Debian's default policy) with the bus policy masshod ships, in which only the
// kiosk's user is replaced by one that exists here. The tests connect as root, as masshod does.
std::string busConfig(const std::filesystem::path& dir, const std::string& socket) {
    std::string policy = readFile(MASSHO_SYSTEM_DIR "/org.massho.Appliance1.conf");
    replaceAll(policy, "\"massho-kiosk\"", "\"daemon\"");
    std::ofstream(dir / "policy.conf") << policy;
    std::filesystem::create_directories(dir / "services");
    std::string config = readFile(MASSHO_TEST_SOURCE_DIR "/system-bus.conf.in");
    replaceAll(config, "@MASSHO_BUS_SOCKET@", socket);
    replaceAll(config, "@MASSHO_POLICY@", (dir / "policy.conf").string());
    replaceAll(config, "@MASSHO_SERVICE_DIR@", (dir / "services").string());
    return config;
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
    // A socket path must fit in 108 bytes, which a build folder may not: /tmp, named per run.
    socket_ = "/tmp/massho-test-bus-" + std::to_string(::getpid()) + "-" +
              tmp_.path().filename().string();
    std::ofstream(tmp_ / "bus.conf") << busConfig(tmp_.path(), socket_);
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
    std::filesystem::remove(socket_);
}

void ServiceFixture::startService() {
    service_ = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress_);
    service_->setProcessEnvironment(env);
    service_->setProcessChannelMode(QProcess::MergedChannels);
    service_->start(QStringLiteral(MASSHOD),
                    {QStringLiteral("--data-dir"), QString::fromStdString(dataDir_.string())});
    if (!service_->waitForStarted())
        throw std::runtime_error("masshod did not start: " + service_->errorString().toStdString());
    QDBusConnection probe = QDBusConnection::connectToBus(busAddress_, QStringLiteral("probe"));
    const bool owned = waitFor([&] {
        return probe.interface()->isServiceRegistered(kBusName).value() ||
               service_->state() == QProcess::NotRunning;
    });
    QDBusConnection::disconnectFromBus(QStringLiteral("probe"));
    if (!owned || service_->state() != QProcess::Running)
        throw std::runtime_error("masshod did not take its bus name: " + serviceOutput());
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

records::EntryFields ServiceFixture::entry(qlonglong index) const {
    records::Store store = records::Store::open(dataDir_, records::Store::Access::ReadOnly);
    return records::parseEntry(store.signedRegister().entry(static_cast<uint64_t>(index)));
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
