// masshod: the appliance's root service (masshod(8)). Owns the devices, the jobs and the signing
// key; the kiosk (and anyone the bus policy lets in) asks it over D-Bus, org.massho.Appliance1.
#include <sys/signalfd.h>

#include <QCommandLineParser>
#include <QDBusConnection>
#include <QDBusError>
#include <QGuiApplication>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <vector>

#include "dbus_types.h"
#include "device_watch.h"
#include "manager.h"
#include "massho/base/error.h"
#include "massho/base/unique_fd.h"
#include "service.h"

namespace {

constexpr char kBusName[] = "org.massho.Appliance1";
constexpr char kManagerPath[] = "/org/massho/Appliance1";

struct Options {
    std::filesystem::path dataDir;
    bool sessionBus = false;
};

Options parseOptions(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "The Massho appliance service: devices, erasure and carry-out jobs, the register's "
        "signing key, on D-Bus as org.massho.Appliance1 (masshod(8)).");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {"data-dir", "Data directory (default $MASSHO_DATA_DIR or /var/lib/massho).", "DIR"});
    parser.addOption({"session-bus",
                      "Serve on the session bus instead of the system bus (a "
                      "try-out as an ordinary user; no devices to erase then)."});
    parser.process(app);
    Options options;
    const char* env = std::getenv("MASSHO_DATA_DIR");
    options.dataDir = parser.isSet("data-dir") ? parser.value("data-dir").toStdString()
                      : env && *env            ? env
                                               : "/var/lib/massho";
    options.sessionBus = parser.isSet("session-bus");
    return options;
}

// SIGTERM (systemctl stop) and SIGINT end the event loop; running jobs are then cancelled and
// each records its end before the service exits. A signalfd, so no handler runs in a thread.
massho::base::UniqueFd blockStopSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before any thread starts: all inherit it
    return massho::base::UniqueFd(signalfd(-1, &stop, SFD_CLOEXEC | SFD_NONBLOCK));
}

int serve(QGuiApplication& app, const Options& options, int stopFd) {
    massho::service::registerDbusTypes();
    QDBusConnection bus =
        options.sessionBus ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "masshod: cannot reach the %s bus (%s): is dbus running?\n",
                     options.sessionBus ? "session" : "system",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    massho::service::Service service(bus, options.dataDir);
    massho::service::Manager manager(service);
    if (!bus.registerObject(kManagerPath, &manager) || !bus.registerService(kBusName)) {
        std::fprintf(stderr,
                     "masshod: cannot own %s on the bus (%s): another masshod runs, or the bus "
                     "policy (org.massho.Appliance1.conf) does not let this user own it\n",
                     kBusName, qPrintable(bus.lastError().message()));
        return 1;
    }
    massho::service::DeviceWatch watch;
    QObject::connect(&watch, &massho::service::DeviceWatch::changed, &service,
                     &massho::service::Service::refreshDevices);
    QObject::connect(&service, &massho::service::Service::devicesListed, &watch,
                     &massho::service::DeviceWatch::setListed);
    service.refreshDevices();  // the first listing, now that the watch hears of it
    QSocketNotifier stopNotifier(stopFd, QSocketNotifier::Read);
    QObject::connect(&stopNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::fprintf(stderr, "masshod: serving %s on the %s bus, data directory %s\n", kBusName,
                 options.sessionBus ? "session" : "system", options.dataDir.c_str());
    const int status = app.exec();
    // Jobs record their end first: under Type=dbus, systemd takes giving up the name as the
    // service having stopped.
    service.stopJobs();
    bus.unregisterService(kBusName);
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    const massho::base::UniqueFd stopFd = blockStopSignals();
    // Certificates are drawn with Qt Gui, offscreen: no display, and no setenv in a threaded
    // process (the platform is an argument).
    std::vector<char*> args(argv, argv + argc);
    char platformFlag[] = "-platform";
    char platform[] = "offscreen";
    args.insert(args.begin() + 1, {platformFlag, platform});
    int qtArgc = static_cast<int>(args.size());
    QGuiApplication app(qtArgc, args.data());
    QCoreApplication::setApplicationName("masshod");
    QCoreApplication::setApplicationVersion(MASSHO_VERSION);
    try {
        return serve(app, parseOptions(app), stopFd.get());
    } catch (const massho::base::Error& e) {
        std::fprintf(stderr, "masshod: %s\n", e.what());
        return e.category() == massho::base::ErrorCategory::Failed ? 1 : 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "masshod: internal error: %s\n", e.what());
        return 1;
    }
}
