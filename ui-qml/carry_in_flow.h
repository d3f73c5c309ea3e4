#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QVariantMap>

#include "desk.h"

namespace massho::kiosk {

// The carry-in screen's view model: a carried-out medium has come back, and its return is
// recorded (Carry.StartCarryIn, as `massho carryin`) with the condition it came back in and,
// when chosen, its crypto-erase (every age header destroyed, then the medium overwritten). The
// service matches it to its carry-out and records the result; the job is followed like an
// erasure's. The one check here is the typed confirmation (typed_confirmation.h).
class CarryInFlow : public Desk {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantMap device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(QString confirmationSource READ confirmationSource NOTIFY deviceChanged)
    Q_PROPERTY(QString jobPath READ jobPath NOTIFY jobPathChanged)

  public:
    explicit CarryInFlow(QObject* parent = nullptr);

    QVariantMap device() const { return device_; }
    void setDevice(const QVariantMap& device);
    QString confirmationSource() const;
    QString jobPath() const { return jobPath_; }

    Q_INVOKABLE bool confirms(const QString& typed) const;
    // Records the return; refused here, before anything is sent, when the confirmation does not
    // match.
    Q_INVOKABLE void submit(const QString& condition, bool cryptoErase, const QString& typed);

  signals:
    void deviceChanged();
    void jobPathChanged();

  private:
    QVariantMap device_;
    QString jobPath_;
};

}  // namespace massho::kiosk
