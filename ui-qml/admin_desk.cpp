#include "admin_desk.h"

#include <QDBusPendingReply>
#include <QSet>

#include "admin_proxy.h"
#include "dbus_types.h"
#include "session_proxy.h"

namespace massho::kiosk {

AdminDesk::AdminDesk(QObject* parent) : Desk(parent) {}

AdminDesk::~AdminDesk() = default;

// The Admin object of the session logged in now (a new login is a new session).
AdminProxy* AdminDesk::admin() {
    SessionProxy* now = session();
    if (!now) return nullptr;
    const QString path = now->path() + QStringLiteral("/Admin");
    if (!admin_ || adminPath_ != path) {
        admin_ = std::make_unique<AdminProxy>(kServiceName, path, now->connection());
        adminPath_ = path;
    }
    return admin_.get();
}

void AdminDesk::refresh() {
    AdminProxy* proxy = admin();
    if (!proxy) return;
    readUsers();
    read(proxy->GetRecipients(), [this](const QDBusPendingReply<QVariantMapList>& reply) {
        recipients_.clear();
        for (const QVariantMap& key : reply.value()) recipients_.append(key);
        emit recipientsChanged();
    });
    read(proxy->GetPolicy(), [this](const QDBusPendingReply<QVariantMapList>& reply) {
        policy_.clear();
        for (const QVariantMap& setting : reply.value()) policy_.append(setting);
        emit policyChanged();
    });
}

// All accounts, then the dormant ones (GetUsers(true)) marked among them.
void AdminDesk::readUsers() {
    AdminProxy* proxy = admin();
    if (!proxy) return;
    read(proxy->GetUsers(false), [this](const QDBusPendingReply<QVariantMapList>& all) {
        AdminProxy* now = admin();  // the session may have ended meanwhile
        if (!now) return;
        const QVariantMapList everyone = all.value();
        read(now->GetUsers(true), [this, everyone](const QDBusPendingReply<QVariantMapList>& idle) {
            QSet<QString> dormant;
            for (const QVariantMap& user : idle.value())
                dormant.insert(user.value("id").toString());
            users_.clear();
            for (QVariantMap user : everyone) {
                user.insert("dormant", dormant.contains(user.value("id").toString()));
                users_.append(user);
            }
            emit usersChanged();
        });
    });
}

template <typename Reply>
void AdminDesk::change(const Reply& reply, const QString& what, const QString& subject) {
    setError({});
    call(reply, [this, what, subject](const Reply&) {
        emit changed(what, subject);
        refresh();
    });
}

void AdminDesk::addUser(const QString& id, const QString& name, const QStringList& roles,
                        const QString& expires, const QString& password) {
    AdminProxy* proxy = admin();
    if (!proxy || busy()) return;
    change(proxy->AddUser(id, name, roles, expires, password), QStringLiteral("user-added"), id);
}

void AdminDesk::setUserEnabled(const QString& id, bool enabled) {
    AdminProxy* proxy = admin();
    if (!proxy || busy()) return;
    change(proxy->SetUserEnabled(id, enabled),
           enabled ? QStringLiteral("user-enabled") : QStringLiteral("user-disabled"), id);
}

void AdminDesk::addRecipient(const QString& name, const QString& publicKey, const QString& label) {
    AdminProxy* proxy = admin();
    if (!proxy || busy()) return;
    change(proxy->AddRecipient(name, publicKey, label), QStringLiteral("recipient-added"), name);
}

void AdminDesk::removeRecipient(const QString& name) {
    AdminProxy* proxy = admin();
    if (!proxy || busy()) return;
    change(proxy->RemoveRecipient(name), QStringLiteral("recipient-removed"), name);
}

}  // namespace massho::kiosk
