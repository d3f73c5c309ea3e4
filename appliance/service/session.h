#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusObjectPath>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>
#include <memory>

#include "dbus_types.h"
#include "massho/records/people/users.h"

class SessionAdaptor;
class CarryAdaptor;

namespace massho::service {

class RecordsDesk;
class Service;
class Ledger;

// One person logged in (org.massho.Appliance1.Session, masshod(8)), at
// /org/massho/Appliance1/sessions/ID. It belongs to the D-Bus connection that logged in: a call
// from any other connection is refused. It ends at Logout, when that connection closes, after
// massho.conf [session] idle_minutes without a call, or after max_hours. Each method is a thin
// shell over an operation (appliance/operations), which checks the role and the policy.
class Session : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_PROPERTY(QString User READ userId)
    Q_PROPERTY(QStringList Roles READ roles)
    Q_PROPERTY(uint IdleMinutes READ idleMinutes)

  public:
    Session(Service& service, records::User user, QString owner, QString path);
    ~Session() override;

    const QString& path() const { return path_; }
    const QString& owner() const { return owner_; }
    const records::User& user() const { return user_; }
    QString userId() const { return QString::fromStdString(user_.id); }
    QStringList roles() const;
    uint idleMinutes() const;
    // Ends the session (its connection left the bus).
    void close() { end(); }
    // Its media ledger (ledger.h), at path() + "/ledger".
    Ledger& ledger() { return *ledger_; }
    // For the session's other faces (records_desk.h, ledger.h, administration.h) and a call
    // that names this person (a witness): the person as they are now, for a call from
    // `caller`; throws ServiceError unless `caller` is the connection that logged in, the
    // session has not ended and the account is still usable. Keeps the session alive.
    const records::User& admit(const QString& caller);

  public slots:
    QDBusObjectPath StartErase(const QString& device, const QString& method, const QString& purpose,
                               int infoClass, const QString& asset, const QString& request,
                               const QVariantMap& options);
    QVariantMap PlanErase(const QString& device, const QString& purpose, int infoClass);
    QString RequestErase(const QString& device, const QString& method, const QString& purpose,
                         int infoClass, const QString& asset, const QString& note);
    void Approve(const QString& request_id);
    void Reject(const QString& request_id, const QString& reason);
    QVariantMapList GetRequests();
    QDBusObjectPath StartCarryOut(const QString& device, const QStringList& files,
                                  const QStringList& recipients, int infoClass,
                                  const QString& destination, const QString& asset,
                                  const QString& request, const QVariantMap& options);
    QString IssueCertificate(qlonglong index, qlonglong& entry);
    void Logout();

    // org.massho.Appliance1.Carry on the same object (carry_desk.h does the work).
    QVariantMapList GetSources(bool& truncated);
    QVariantMapList GetRecipients();
    QVariantMap PlanCarryOut(const QString& device, int infoClass);
    QString RequestCarryOut(const QString& device, int infoClass, const QString& asset,
                            const QString& destination, const QString& note);
    QDBusObjectPath StartCarryIn(const QString& device, const QString& condition, bool cryptoErase);

  signals:
    // For the service (not on the bus): the session is over (logout, idle, connection gone).
    void closed();

  private:
    // Runs `act` for a call admitted as admit() admits one (a call not from D-Bus as the
    // owner's), turning what it throws into the named D-Bus error reply.
    template <typename Act>
    auto serve(Act&& act) -> decltype(act());
    void refreshPerson();
    std::string listedDevice(const QString& device) const;
    void end();

    Service& service_;
    std::unique_ptr<SessionAdaptor> adaptor_;  // its face on the bus (generated from api/)
    std::unique_ptr<Ledger> ledger_;
    std::unique_ptr<CarryAdaptor> carryAdaptor_;
    records::User user_;
    QString owner_;
    QString path_;
    QTimer idle_;
    QTimer maxAge_;
    bool ended_ = false;
    std::unique_ptr<RecordsDesk> records_;  // SESSION/records, for officers and auditors
};

}  // namespace massho::service
