#pragma once

#include <QDBusContext>
#include <QObject>
#include <QStringList>
#include <memory>

#include "dbus_types.h"
#include "massho/records/people/users.h"

class AdminAdaptor;

namespace massho::service {

class Service;
class Session;

// The administrator's acts of one session (org.massho.Appliance1.Admin, masshod(8)), at the
// session's path + "/Admin": accounts, the key book and the policy in effect. Thin shells over
// what massho(1) runs (AddUserOperation, SetUserEnabledOperation, records::RecipientBook), so the
// roles and the register entries are the same; the session decides who is calling.
class Administration : public QObject, protected QDBusContext {
    Q_OBJECT

  public:
    // A Qt child of `session`: it goes with it.
    Administration(Service& service, Session& session);
    // Makes one for `session`, which owns it.
    static Administration& attachTo(Service& service, Session& session);
    ~Administration() override;

  public slots:
    QVariantMapList GetUsers(bool dormant);
    void AddUser(const QString& id, const QString& name, const QStringList& roles,
                 const QString& expires, const QString& password);
    void SetUserEnabled(const QString& id, bool enabled);
    QVariantMapList GetRecipients();
    QString AddRecipient(const QString& name, const QString& public_key, const QString& label);
    void RemoveRecipient(const QString& name);
    QVariantMapList GetPolicy();

  private:
    // Runs `act(person)` for a call from the session's connection, turning what it throws into
    // the named D-Bus error reply with its reason (dbus_error.h).
    template <typename Act>
    auto serve(Act&& act) -> decltype(act(std::declval<const records::User&>()));

    Service& service_;
    Session& session_;
    std::unique_ptr<AdminAdaptor> adaptor_;  // its face on the bus (generated from api/)
};

}  // namespace massho::service
