#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include "desk.h"

namespace massho::kiosk {

// The auditor's "verify the register now" (Records.VerifyRegister: a job of the service, followed
// with JobWatch like an erasure) and the latest checkpoint with the witnesses' cosignatures
// (Records.GetCheckpoint). A thin view model: every call asynchronous; who may verify is the
// service's rule.
class AuditDesk : public Desk {
    Q_OBJECT
    QML_ELEMENT
    // The verification job's path ("" until asked).
    Q_PROPERTY(QString job READ job NOTIFY changed)
    // size, root, time, note; empty until read.
    Q_PROPERTY(QVariantMap checkpoint READ checkpoint NOTIFY changed)
    // Each: size, witness, time; newest first.
    Q_PROPERTY(QVariantList cosignatures READ cosignatures NOTIFY changed)

  public:
    explicit AuditDesk(QObject* parent = nullptr);

    QString job() const { return job_; }
    QVariantMap checkpoint() const { return checkpoint_; }
    QVariantList cosignatures() const { return cosignatures_; }

    Q_INVOKABLE void verifyNow();
    Q_INVOKABLE void loadCheckpoint();

  signals:
    void changed();

  private:
    QString job_;
    QVariantMap checkpoint_;
    QVariantList cosignatures_;
};

}  // namespace massho::kiosk
