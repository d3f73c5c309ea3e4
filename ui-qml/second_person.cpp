#include "second_person.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingReply>

#include "manager_proxy.h"
#include "session_proxy.h"

namespace massho::kiosk {

// The kiosk's own connection (the same one ApplianceClient uses): the service lets only the
// connection that logged in use a session, and this one belongs to this kiosk.
SecondPerson::SecondPerson(QObject* parent)
    : Desk(parent),
      manager_(std::make_unique<ManagerProxy>(kServiceName, kManagerPath,
                                              QDBusConnection::systemBus())) {}

SecondPerson::~SecondPerson() {
    if (session_) session_->Logout();  // no one is left to tell: the view has gone
}

void SecondPerson::logIn(const QString& user, const QString& password) {
    if (busy()) return;
    setError({});
    // Busy until the session's properties are read too: that call is made inside this one's.
    call(manager_->Login(user, password), [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
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
    call(
        QDBusPendingReply<QVariantMap>(bus.asyncCall(getAll)),
        [this](const QDBusPendingReply<QVariantMap>& reply) {
            user_ = reply.value().value(QStringLiteral("User")).toString();
            roles_ = reply.value().value(QStringLiteral("Roles")).toStringList();
            emit changed();
        },
        [this] { session_.reset(); });
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
