#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "appliance_client.h"

class RecordsProxy;

namespace massho::kiosk {

// The auditor's "verify the register now" (Records.VerifyRegister: a job of the service, followed
// with JobWatch like an erasure) and the latest checkpoint with the witnesses' cosignatures
// (Records.GetCheckpoint). A thin view model: every call asynchronous; who may verify is the
// service's rule.
class AuditDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApplianceClient* client MEMBER client_ NOTIFY clientChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    // The verification job's path ("" until asked).
    Q_PROPERTY(QString job READ job NOTIFY changed)
    // size, root, time, note; empty until read.
    Q_PROPERTY(QVariantMap checkpoint READ checkpoint NOTIFY changed)
    // Each: size, witness, time; newest first.
    Q_PROPERTY(QVariantList cosignatures READ cosignatures NOTIFY changed)

  public:
    explicit AuditDesk(QObject* parent = nullptr);
    ~AuditDesk() override;

    bool busy() const { return busy_ > 0; }
    QString error() const { return error_; }
    QString job() const { return job_; }
    QVariantMap checkpoint() const { return checkpoint_; }
    QVariantList cosignatures() const { return cosignatures_; }

    Q_INVOKABLE void verifyNow();
    Q_INVOKABLE void loadCheckpoint();

  signals:
    void clientChanged();
    void changed();

  private:
    RecordsProxy* records();

    QPointer<ApplianceClient> client_;
    std::unique_ptr<RecordsProxy> records_;
    int busy_ = 0;
    QString error_;
    QString job_;
    QVariantMap checkpoint_;
    QVariantList cosignatures_;
};

}  // namespace massho::kiosk
