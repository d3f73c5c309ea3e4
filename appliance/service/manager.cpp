#include "manager.h"

#include <QDBusConnection>
#include <QDBusMessage>

#include "dbus_error.h"
#include "manager_adaptor.h"
#include "service.h"

namespace massho::service {

namespace {

constexpr int kMaxUserId = 64;      // IDs are at most 32 characters (records::isValidUserId)
constexpr int kMaxPassword = 1024;  // far above any policy's minimum; bounds the scrypt input

}  // namespace

Manager::Manager(Service& service, QObject* parent)
    : QObject(parent),
      service_(service),
      adaptor_(std::make_unique<ManagerAdaptor>(this)),
      logins_(service.dataDir()) {
    connect(&service_, &Service::deviceAdded, this, &Manager::DeviceAdded);
    connect(&service_, &Service::deviceRemoved, this, &Manager::DeviceRemoved);
    connect(&service_, &Service::jobAdded, this, &Manager::JobAdded);
    service_.bus().connect(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameOwnerChanged"), this,
        SLOT(nameOwnerChanged(QString, QString, QString)));
}

Manager::~Manager() = default;

QString Manager::version() const {
    return QStringLiteral(MASSHO_VERSION);
}

QString Manager::origin() const {
    return QString::fromStdString(service_.store().origin());
}

QDBusObjectPath Manager::Login(const QString& user, const QString& password) {
    try {
        requireBounded(user, "user", kMaxUserId);
        requireBounded(password, "password", kMaxPassword);
        if (!calledFromDBus())
            throw ServiceError(dbus_error::kFailed, QStringLiteral("Login is a D-Bus call"));
        // Answered later, from the login thread's verdict (login_desk.h).
        setDelayedReply(true);
        const QDBusMessage call = message();
        logins_.submit(call.service(), user.toStdString(), password.toStdString(),
                       [this, call](std::optional<records::User> person, DbusError error) {
                           answerLogin(call, std::move(person), std::move(error));
                       });
    } catch (...) {
        replyWithError(*this, std::current_exception());
    }
    return {};
}

void Manager::answerLogin(const QDBusMessage& call, std::optional<records::User> person,
                          DbusError error) {
    if (person) {
        try {
            const QString path = service_.openSession(std::move(*person), call.service());
            service_.bus().send(call.createReply(QVariant::fromValue(QDBusObjectPath(path))));
            return;
        } catch (...) {
            error = dbusErrorFor(std::current_exception());
        }
    }
    service_.bus().send(errorReply(call, error));
}

QVariantMapList Manager::GetDevices() {
    if (!calledFromDBus()) return describeDevices();
    // Answered once a listing that started after this call has ended (device_lister.h): the
    // main loop goes on serving meanwhile, however long a disk keeps the probe waiting.
    setDelayedReply(true);
    const QDBusMessage call = message();
    service_.listDevices([this, call](const std::exception_ptr& error) {
        if (error) {
            service_.bus().send(errorReply(call, dbusErrorFor(error)));
            return;
        }
        service_.bus().send(call.createReply(QVariant::fromValue(describeDevices())));
    });
    return {};
}

QVariantMapList Manager::describeDevices() const {
    QVariantMapList out;
    for (const auto& [path, device] : service_.devices().devices())
        out.append(DeviceCatalog::describe(device));
    return out;
}

QVariantMapList Manager::GetMethods(const QString& device) {
    try {
        requireBounded(device, "device", 4096);
        return DeviceCatalog::methodsFor(service_.devices().listed(device));
    } catch (...) {
        replyWithError(*this, std::current_exception());
        return {};
    }
}

QList<QDBusObjectPath> Manager::GetJobs() {
    return service_.jobPaths();
}

void Manager::nameOwnerChanged(const QString& name, const QString&, const QString& newOwner) {
    if (name.startsWith(QLatin1Char(':')) && newOwner.isEmpty()) service_.closeSessionsOf(name);
}

}  // namespace massho::service
