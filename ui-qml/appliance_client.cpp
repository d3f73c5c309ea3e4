#include "appliance_client.h"

#include <QDBusMessage>
#include <QDBusPendingReply>
#include <memory>

#include "dbus_types.h"
#include "manager_proxy.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

ApplianceClient::ApplianceClient(QObject* parent)
    : QObject(parent), bus_(QDBusConnection::systemBus()) {
    service::registerDbusTypes();
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit errorChanged(); });
    connectToService();
}

ApplianceClient::~ApplianceClient() {
    logout();  // a kiosk that closes leaves no session behind
}

void ApplianceClient::connectToService() {
    if (!bus_.isConnected()) {
        setError(
            tr("The appliance service cannot be reached. Ask the administrator to check "
               "masshod."));
        return;
    }
    manager_ = std::make_unique<ManagerProxy>(kServiceName, kManagerPath, bus_);
    connect(manager_.get(), &ManagerProxy::DeviceAdded, this, &ApplianceClient::onDeviceAdded);
    connect(manager_.get(), &ManagerProxy::DeviceRemoved, this, &ApplianceClient::onDeviceRemoved);
    emit connectedChanged();
    refreshDevices();
}

void ApplianceClient::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged();
}

void ApplianceClient::setError(const Refusal& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void ApplianceClient::login(const QString& user, const QString& password) {
    if (!manager_ || busy_) return;
    setBusy(true);
    setError({});
    whenAnswered(this, manager_->Login(user, password),
                 [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         // The service's one-line reason, as massho(1) would print it.
                         setError(Refusal::of(reply));
                         return;
                     }
                     readSession(reply.value().path());
                 });
}

void ApplianceClient::readSession(const QString& path) {
    session_ = std::make_unique<SessionProxy>(kServiceName, path, bus_);
    // User and Roles do not change within a session: read once, asynchronously (the proxy's
    // property getters would block the UI thread).
    QDBusMessage getAll = QDBusMessage::createMethodCall(
        kServiceName, path, QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("GetAll"));
    getAll << SessionProxy::staticInterfaceName();
    whenAnswered(this, QDBusPendingReply<QVariantMap>(bus_.asyncCall(getAll)),
                 [this](const QDBusPendingReply<QVariantMap>& reply) {
                     if (reply.isError()) {
                         setError(Refusal::of(reply));
                         session_.reset();
                         return;
                     }
                     user_ = reply.value().value(QStringLiteral("User")).toString();
                     roles_ = reply.value().value(QStringLiteral("Roles")).toStringList();
                     idleMinutes_ = reply.value().value(QStringLiteral("IdleMinutes")).toInt();
                     locked_ = false;
                     emit sessionChanged();
                 });
}

void ApplianceClient::logout() {
    if (!session_) return;
    session_->Logout();  // asynchronous; the service ends the session whatever we do next
    session_.reset();
    user_.clear();
    roles_.clear();
    emit sessionChanged();
}

void ApplianceClient::lock() {
    if (!loggedIn()) return;
    locked_ = true;
    logout();
}

void ApplianceClient::refreshDevices() {
    if (!manager_) return;
    whenAnswered(this, manager_->GetDevices(),
                 [this](const QDBusPendingReply<QVariantMapList>& reply) {
                     if (reply.isError()) {
                         setError(Refusal::of(reply));
                         return;
                     }
                     devices_.replaceWith(reply.value());
                 });
}

void ApplianceClient::onDeviceAdded(const QVariantMap&) {
    refreshDevices();  // the list in the service's order, with fresh eligibility
}

void ApplianceClient::onDeviceRemoved(const QString& path) {
    devices_.remove(path);
}

}  // namespace massho::kiosk
