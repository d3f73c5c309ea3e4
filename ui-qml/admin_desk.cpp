#include "admin_desk.h"

#include <QDBusPendingReply>
#include <QSet>

#include "admin_proxy.h"
#include "dbus_types.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

AdminDesk::AdminDesk(QObject* parent) : QObject(parent) {
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit errorChanged(); });
}

AdminDesk::~AdminDesk() = default;

void AdminDesk::setClient(ApplianceClient* client) {
    if (client_ == client) return;
    client_ = client;
    emit clientChanged();
}

// The Admin object of the session logged in now (a new login is a new session).
AdminProxy* AdminDesk::admin() {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return nullptr;
    const QString path = session->path() + QStringLiteral("/Admin");
    if (!admin_ || adminPath_ != path) {
        admin_ = std::make_unique<AdminProxy>(kServiceName, path, session->connection());
        adminPath_ = path;
    }
    return admin_.get();
}

void AdminDesk::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged();
}

void AdminDesk::setError(const Refusal& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void AdminDesk::refresh() {
    AdminProxy* proxy = admin();
    if (!proxy) return;
    readUsers();
    whenAnswered(this, proxy->GetRecipients(),
                 [this](const QDBusPendingReply<QVariantMapList>& reply) {
                     if (reply.isError()) return setError(Refusal::of(reply));
                     recipients_.clear();
                     for (const QVariantMap& key : reply.value()) recipients_.append(key);
                     emit recipientsChanged();
                 });
    whenAnswered(this, proxy->GetPolicy(), [this](const QDBusPendingReply<QVariantMapList>& reply) {
        if (reply.isError()) return setError(Refusal::of(reply));
        policy_.clear();
        for (const QVariantMap& setting : reply.value()) policy_.append(setting);
        emit policyChanged();
    });
}

// All accounts, then the dormant ones (GetUsers(true)) marked among them.
void AdminDesk::readUsers() {
    AdminProxy* proxy = admin();
    if (!proxy) return;
    whenAnswered(
        this, proxy->GetUsers(false), [this](const QDBusPendingReply<QVariantMapList>& all) {
            if (all.isError()) return setError(Refusal::of(all));
            AdminProxy* now = admin();  // the session may have ended meanwhile
            if (!now) return;
            const QVariantMapList everyone = all.value();
            whenAnswered(this, now->GetUsers(true),
                         [this, everyone](const QDBusPendingReply<QVariantMapList>& idle) {
                             if (idle.isError()) return setError(Refusal::of(idle));
                             QSet<QString> dormant;
                             for (const QVariantMap& user : idle.value())
                                 dormant.insert(user.value("id").toString());
                             users_.clear();
                             for (QVariantMap user : everyone) {
                                 user.insert("dormant",
                                             dormant.contains(user.value("id").toString()));
                                 users_.append(user);
                             }
                             emit usersChanged();
                         });
        });
}

template <typename Reply>
void AdminDesk::change(const Reply& reply, const QString& what, const QString& subject) {
    setBusy(true);
    setError({});
    whenAnswered(this, reply, [this, what, subject](const Reply& answer) {
        setBusy(false);
        if (answer.isError()) return setError(Refusal::of(answer));
        emit changed(what, subject);
        refresh();
    });
}

void AdminDesk::addUser(const QString& id, const QString& name, const QStringList& roles,
                        const QString& expires, const QString& password) {
    AdminProxy* proxy = admin();
    if (!proxy || busy_) return;
    change(proxy->AddUser(id, name, roles, expires, password), QStringLiteral("user-added"), id);
}

void AdminDesk::setUserEnabled(const QString& id, bool enabled) {
    AdminProxy* proxy = admin();
    if (!proxy || busy_) return;
    change(proxy->SetUserEnabled(id, enabled),
           enabled ? QStringLiteral("user-enabled") : QStringLiteral("user-disabled"), id);
}

void AdminDesk::addRecipient(const QString& name, const QString& publicKey, const QString& label) {
    AdminProxy* proxy = admin();
    if (!proxy || busy_) return;
    change(proxy->AddRecipient(name, publicKey, label), QStringLiteral("recipient-added"), name);
}

void AdminDesk::removeRecipient(const QString& name) {
    AdminProxy* proxy = admin();
    if (!proxy || busy_) return;
    change(proxy->RemoveRecipient(name), QStringLiteral("recipient-removed"), name);
}

}  // namespace massho::kiosk
