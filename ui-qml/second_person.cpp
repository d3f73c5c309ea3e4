#include "second_person.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingReply>

#include "dbus_types.h"
#include "manager_proxy.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

SecondPerson::SecondPerson(QObject* parent) : QObject(parent) {
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit changed(); });
    service::registerDbusTypes();
    // The kiosk's own connection (the same one ApplianceClient uses): the service lets only the
    // connection that logged in use a session, and this one belongs to this kiosk.
    manager_ =
        std::make_unique<ManagerProxy>(kServiceName, kManagerPath, QDBusConnection::systemBus());
}

SecondPerson::~SecondPerson() {
    if (session_) session_->Logout();  // no one is left to tell: the view has gone
}

void SecondPerson::logIn(const QString& user, const QString& password) {
    if (busy_) return;
    busy_ = true;
    error_ = {};
    emit changed();
    whenAnswered(this, manager_->Login(user, password),
                 [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
                     if (reply.isError()) {
                         busy_ = false;
                         error_ = Refusal::of(reply);
                         emit changed();
                         return;
                     }
                     readSession(reply.value().path());
                 });
}

void SecondPerson::readSession(const QString& path) {
    QDBusConnection bus = QDBusConnection::systemBus();
    session_ = std::make_unique<SessionProxy>(kServiceName, path, bus);
    QDBusMessage getAll = QDBusMessage::createMethodCall(
        kServiceName, path, QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("GetAll"));
    getAll << SessionProxy::staticInterfaceName();
    whenAnswered(this, QDBusPendingReply<QVariantMap>(bus.asyncCall(getAll)),
                 [this](const QDBusPendingReply<QVariantMap>& reply) {
                     busy_ = false;
                     if (reply.isError()) {
                         error_ = Refusal::of(reply);
                         session_.reset();
                     } else {
                         user_ = reply.value().value(QStringLiteral("User")).toString();
                         roles_ = reply.value().value(QStringLiteral("Roles")).toStringList();
                     }
                     emit changed();
                 });
}

void SecondPerson::logOut() {
    if (!session_) return;
    session_->Logout();  // asynchronous; the service ends the session whatever we do next
    session_.reset();
    user_.clear();
    roles_.clear();
    emit changed();
}

}  // namespace massho::kiosk
