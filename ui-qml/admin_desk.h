#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>

#include "desk.h"

class AdminProxy;

namespace massho::kiosk {

// The administrator's screens (org.massho.Appliance1.Admin at the session's path + "/Admin"):
// accounts with the dormant IDs, the key book and the policy in effect. A thin view model: every
// call is asynchronous, and who may do what is the service's answer, shown as it comes.
class AdminDesk : public Desk {
    Q_OBJECT
    QML_ELEMENT
    // Accounts as GetUsers gives them (id, name, roles, expires, disabled, last_login, created),
    // each with `dormant` (b) added from GetUsers(dormant).
    Q_PROPERTY(QVariantList users READ users NOTIFY usersChanged)
    Q_PROPERTY(QVariantList recipients READ recipients NOTIFY recipientsChanged)
    Q_PROPERTY(QVariantList policy READ policy NOTIFY policyChanged)

  public:
    explicit AdminDesk(QObject* parent = nullptr);
    ~AdminDesk() override;

    QVariantList users() const { return users_; }
    QVariantList recipients() const { return recipients_; }
    QVariantList policy() const { return policy_; }

    // Reads accounts, dormant IDs, the key book and the policy again.
    Q_INVOKABLE void refresh();
    // The first password is typed by the administrator on the keypad; it is sent once and not
    // kept here.
    Q_INVOKABLE void addUser(const QString& id, const QString& name, const QStringList& roles,
                             const QString& expires, const QString& password);
    Q_INVOKABLE void setUserEnabled(const QString& id, bool enabled);
    Q_INVOKABLE void addRecipient(const QString& name, const QString& publicKey,
                                  const QString& label);
    Q_INVOKABLE void removeRecipient(const QString& name);

  signals:
    void usersChanged();
    void recipientsChanged();
    void policyChanged();
    // The service accepted the change (and recorded it); `what`: "user-added", "user-enabled",
    // "user-disabled", "recipient-added", "recipient-removed".
    void changed(const QString& what, const QString& subject);

  private:
    AdminProxy* admin();
    void readUsers();
    // Runs a change and, when the service accepted it, says so and reads everything again.
    template <typename Reply>
    void change(const Reply& reply, const QString& what, const QString& subject);

    std::unique_ptr<AdminProxy> admin_;
    QString adminPath_;
    QVariantList users_;
    QVariantList recipients_;
    QVariantList policy_;
};

}  // namespace massho::kiosk
