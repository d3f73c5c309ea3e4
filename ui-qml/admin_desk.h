#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>

#include "appliance_client.h"
#include "refusal.h"

class AdminProxy;

namespace massho::kiosk {

// The administrator's screens (org.massho.Appliance1.Admin at the session's path + "/Admin"):
// accounts with the dormant IDs, the key book and the policy in effect. A thin view model: every
// call is asynchronous, and who may do what is the service's answer, shown as it comes.
class AdminDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApplianceClient* client READ client WRITE setClient NOTIFY clientChanged)
    // Accounts as GetUsers gives them (id, name, roles, expires, disabled, last_login, created),
    // each with `dormant` (b) added from GetUsers(dormant).
    Q_PROPERTY(QVariantList users READ users NOTIFY usersChanged)
    Q_PROPERTY(QVariantList recipients READ recipients NOTIFY recipientsChanged)
    Q_PROPERTY(QVariantList policy READ policy NOTIFY policyChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

  public:
    explicit AdminDesk(QObject* parent = nullptr);
    ~AdminDesk() override;

    ApplianceClient* client() const { return client_; }
    void setClient(ApplianceClient* client);
    QVariantList users() const { return users_; }
    QVariantList recipients() const { return recipients_; }
    QVariantList policy() const { return policy_; }
    bool busy() const { return busy_; }
    QString error() const { return error_.text(); }

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
    void clientChanged();
    void usersChanged();
    void recipientsChanged();
    void policyChanged();
    void busyChanged();
    void errorChanged();
    // The service accepted the change (and recorded it); `what`: "user-added", "user-enabled",
    // "user-disabled", "recipient-added", "recipient-removed".
    void changed(const QString& what, const QString& subject);

  private:
    AdminProxy* admin();
    void setBusy(bool busy);
    void setError(const Refusal& error);
    void readUsers();
    // Runs a change and, when the service accepted it, says so and reads everything again.
    template <typename Reply>
    void change(const Reply& reply, const QString& what, const QString& subject);

    QPointer<ApplianceClient> client_;
    std::unique_ptr<AdminProxy> admin_;
    QString adminPath_;
    QVariantList users_;
    QVariantList recipients_;
    QVariantList policy_;
    bool busy_ = false;
    Refusal error_;  // said in the language chosen when read
};

}  // namespace massho::kiosk
