#pragma once

#include <QtQml/qqmlregistration.h>

#include <QMetaObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "desk.h"
#include "second_person.h"

class LedgerProxy;

namespace massho::kiosk {

// The media ledger for one attached medium (org.massho.Appliance1.Ledger of the person logged
// in): whether the ledger knows it (FindMedium), its row and history (GetMedium), and the acts —
// register it, move it, record its destruction before a witness logged in here as the second
// person. The service decides who may do what and what the medium's state allows; this shows
// its answers as they come.
class MediaDesk : public Desk {
    Q_OBJECT
    QML_ELEMENT
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

  public:
    explicit MediaDesk(QObject* parent = nullptr);
    ~MediaDesk() override;

    SecondPerson* witness() const { return witness_; }
    void setWitness(SecondPerson* witness);
    QString devicePath() const { return devicePath_; }
    void setDevicePath(const QString& path);
    bool answered() const { return answered_; }
    bool known() const { return !medium_.isEmpty(); }
    QVariantMap medium() const { return medium_; }
    QVariantList history() const { return history_; }
    qlonglong lastEntry() const { return lastEntry_; }

    // Asks again what the ledger knows about the device.
    Q_INVOKABLE void lookUp();
    Q_INVOKABLE void registerMedium(const QString& tag, int infoClass, const QString& section,
                                    const QString& location);
    Q_INVOKABLE void move(const QString& to, bool writeProtected, const QString& lockedBy);
    Q_INVOKABLE void recordDestruction(const QString& method);

  signals:
    void witnessChanged();
    void devicePathChanged();
    void mediumChanged();
    void lastEntryChanged();
    // The service recorded an act ("registered", "moved", "destroyed") as register entry `entry`.
    void recorded(const QString& act, qlonglong entry);

  private:
    // A new client, or a new person logged in on it: their own ledger object, and what it knows.
    void clientSet() override;
    LedgerProxy* ledger();
    void load(const QString& tag);
    template <typename Reply>
    void whenRecorded(const Reply& reply, const QString& act, const QString& tag);

    QMetaObject::Connection sessionWatch_;
    QPointer<SecondPerson> witness_;
    std::unique_ptr<LedgerProxy> ledger_;
    QString devicePath_;
    bool answered_ = false;
    QVariantMap medium_;
    QVariantList history_;
    qlonglong lastEntry_ = -1;
};

}  // namespace massho::kiosk
