#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantMap>

#include "appliance_client.h"

namespace massho::kiosk {

// The carry-in screen's view model: a carried-out medium has come back, and its return is
// recorded (Carry.StartCarryIn, as `massho carryin`) with the condition it came back in and,
// when chosen, its crypto-erase (every age header destroyed, then the medium overwritten). The
// service matches it to its carry-out and records the result; the job is followed like an
// erasure's. The one check here is the typed confirmation (typed_confirmation.h).
class CarryInFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApplianceClient* client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QVariantMap device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(QString confirmationSource READ confirmationSource NOTIFY deviceChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString jobPath READ jobPath NOTIFY jobPathChanged)

  public:
    explicit CarryInFlow(QObject* parent = nullptr);

    ApplianceClient* client() const { return client_; }
    void setClient(ApplianceClient* client);
    QVariantMap device() const { return device_; }
    void setDevice(const QVariantMap& device);
    QString confirmationSource() const;
    bool busy() const { return busy_; }
    QString error() const { return error_; }
    QString jobPath() const { return jobPath_; }

    Q_INVOKABLE bool confirms(const QString& typed) const;
    // Records the return; refused here, before anything is sent, when the confirmation does not
    // match.
    Q_INVOKABLE void submit(const QString& condition, bool cryptoErase, const QString& typed);

  signals:
    void clientChanged();
    void deviceChanged();
    void busyChanged();
    void errorChanged();
    void jobPathChanged();

  private:
    void setBusy(bool busy);
    void setError(const QString& error);

    QPointer<ApplianceClient> client_;
    QVariantMap device_;
    bool busy_ = false;
    QString error_;
    QString jobPath_;
};

}  // namespace massho::kiosk
