#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "appliance_client.h"
#include "second_person.h"

class LedgerProxy;

namespace massho::kiosk {

// The media ledger for one attached medium (org.massho.Appliance1.Ledger of the person logged
// in): whether the ledger knows it (FindMedium), its row and history (GetMedium), and the acts —
// register it, move it, record its destruction before a witness logged in here as the second
// person. The service decides who may do what and what the medium's state allows; this shows
// its answers as they come.
class MediaDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApplianceClient* client READ client WRITE setClient NOTIFY clientChanged)
    // The second person watching a destruction (SecondLogin.qml); their session is the witness.
    Q_PROPERTY(SecondPerson* witness READ witness WRITE setWitness NOTIFY witnessChanged)
    // The attached device's path: set it and the ledger is asked about its medium.
    Q_PROPERTY(QString devicePath READ devicePath WRITE setDevicePath NOTIFY devicePathChanged)
    // The service has answered about the device: `medium` is its row, or empty when unknown.
    Q_PROPERTY(bool answered READ answered NOTIFY mediumChanged)
    Q_PROPERTY(bool known READ known NOTIFY mediumChanged)
    Q_PROPERTY(QVariantMap medium READ medium NOTIFY mediumChanged)
    // Its acts, oldest first (index, kind, time, state, by, summary).
    Q_PROPERTY(QVariantList history READ history NOTIFY mediumChanged)
    // The register entry of the last act recorded here, or -1.
    Q_PROPERTY(qlonglong lastEntry READ lastEntry NOTIFY lastEntryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

  public:
    explicit MediaDesk(QObject* parent = nullptr);
    ~MediaDesk() override;

    ApplianceClient* client() const { return client_; }
    void setClient(ApplianceClient* client);
    SecondPerson* witness() const { return witness_; }
    void setWitness(SecondPerson* witness);
    QString devicePath() const { return devicePath_; }
    void setDevicePath(const QString& path);
    bool answered() const { return answered_; }
    bool known() const { return !medium_.isEmpty(); }
    QVariantMap medium() const { return medium_; }
    QVariantList history() const { return history_; }
    qlonglong lastEntry() const { return lastEntry_; }
    bool busy() const { return busy_; }
    QString error() const { return error_; }

    // Asks again what the ledger knows about the device.
    Q_INVOKABLE void lookUp();
    Q_INVOKABLE void registerMedium(const QString& tag, int infoClass, const QString& section,
                                    const QString& location);
    Q_INVOKABLE void move(const QString& to, bool writeProtected, const QString& lockedBy);
    Q_INVOKABLE void recordDestruction(const QString& method);

  signals:
    void clientChanged();
    void witnessChanged();
    void devicePathChanged();
    void mediumChanged();
    void lastEntryChanged();
    void busyChanged();
    void errorChanged();
    // The service recorded an act ("registered", "moved", "destroyed") as register entry `entry`.
    void recorded(const QString& act, qlonglong entry);

  private:
    LedgerProxy* ledger();
    void load(const QString& tag);
    template <typename Reply>
    void whenRecorded(const Reply& reply, const QString& act, const QString& tag);
    void setBusy(bool busy);
    void setError(const QString& error);

    QPointer<ApplianceClient> client_;
    QPointer<SecondPerson> witness_;
    std::unique_ptr<LedgerProxy> ledger_;
    QString devicePath_;
    bool answered_ = false;
    QVariantMap medium_;
    QVariantList history_;
    qlonglong lastEntry_ = -1;
    bool busy_ = false;
    QString error_;
};

}  // namespace massho::kiosk
