#pragma once

#include <QDBusContext>
#include <QDBusObjectPath>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <memory>

#include "dbus_types.h"

class LedgerAdaptor;

namespace massho::service {

class Service;
class Session;

// The media ledger for one person logged in (org.massho.Appliance1.Ledger, masshod(8)), at
// SESSION/ledger: a session's second face, owned by it and gone with it. Only the connection
// that logged in may call it. Each act is a thin shell over the operation massho media add,
// move or destroy runs (appliance/operations), which checks the role and the medium's state;
// the reads are the ledger's own (records::MediaLedger), as massho media show reads them.
class Ledger : public QObject, protected QDBusContext {
    Q_OBJECT

  public:
    Ledger(Service& service, Session& session);
    ~Ledger() override;

    QString path() const;

  public slots:
    QVariantMap FindMedium(const QString& device);
    QVariantMap GetMedium(const QString& tag, QVariantMapList& history);
    qlonglong AddMedium(const QString& device, const QString& tag, int infoClass,
                        const QVariantMap& options);
    qlonglong MoveMedium(const QString& tag, const QString& to, const QVariantMap& options);
    qlonglong DestroyMedium(const QString& tag, const QString& method,
                            const QDBusObjectPath& witness, const QVariantMap& options);

  private:
    // Runs `act` for a call from the session's own connection, turning what it throws into the
    // named D-Bus error reply.
    template <typename Act>
    auto serve(Act&& act) -> decltype(act());
    QString caller() const;

    Service& service_;
    Session& session_;
    std::unique_ptr<LedgerAdaptor> adaptor_;  // its face on the bus (generated from api/)
};

}  // namespace massho::service
