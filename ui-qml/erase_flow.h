#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include "desk.h"

namespace massho::kiosk {

// The erase wizard's view model for one attached device: the service's methods for it with the
// recommended one (Manager.GetMethods), what the ledger and the approval policy say about the
// erasure (Session.PlanErase), and the act itself — StartErase, or RequestErase when the service
// said a data manager must approve first, then StartErase with the approved request. It decides
// nothing the service decides; the one check of its own is the typed confirmation (the last four
// characters of the serial), which guards against the wrong drive before anything is sent.
class EraseFlow : public Desk {
    Q_OBJECT
    QML_ELEMENT
    // One GetDevices element; setting it reads its methods and plan.
    Q_PROPERTY(QVariantMap device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(QVariantList methods READ methods NOTIFY methodsChanged)
    Q_PROPERTY(QString recommended READ recommended NOTIFY methodsChanged)
    // From PlanErase: the ledger's tag and class (""/0 when unknown), and whether the purpose and
    // class chosen need a data manager's approval.
    Q_PROPERTY(QString ledgerAsset READ ledgerAsset NOTIFY planChanged)
    Q_PROPERTY(int ledgerClass READ ledgerClass NOTIFY planChanged)
    Q_PROPERTY(bool approvalRequired READ approvalRequired NOTIFY planChanged)
    // What the typed confirmation is taken from: "serial", or "name" for a device without one.
    Q_PROPERTY(QString confirmationSource READ confirmationSource NOTIFY deviceChanged)
    Q_PROPERTY(QString requestId READ requestId NOTIFY requestIdChanged)
    Q_PROPERTY(QString jobPath READ jobPath NOTIFY jobPathChanged)

  public:
    explicit EraseFlow(QObject* parent = nullptr);

    QVariantMap device() const { return device_; }
    void setDevice(const QVariantMap& device);
    QVariantList methods() const { return methods_; }
    QString recommended() const { return recommended_; }
    QString ledgerAsset() const { return ledgerAsset_; }
    int ledgerClass() const { return ledgerClass_; }
    bool approvalRequired() const { return approvalRequired_; }
    QString confirmationSource() const;
    QString requestId() const { return requestId_; }
    QString jobPath() const { return jobPath_; }

    // Asks the service again whether this purpose and class need an approval.
    Q_INVOKABLE void plan(const QString& purpose, int infoClass);
    // The typed confirmation matches the last four characters (case aside).
    Q_INVOKABLE bool confirms(const QString& typed) const;
    // Erases (StartErase) or asks for approval (RequestErase), as the plan says; after an
    // approval, erases with the approved request. Refused here, before anything is sent, when
    // the confirmation does not match.
    Q_INVOKABLE void submit(const QString& method, const QString& purpose, int infoClass,
                            const QString& asset, const QString& typed);

  signals:
    void deviceChanged();
    void methodsChanged();
    void planChanged();
    void requestIdChanged();
    void jobPathChanged();

  private:
    void clientSet() override { plan({}, 0); }  // QML may set the device before the client
    QString path() const;
    void readMethods();
    void startErase(const QString& method, const QString& purpose, int infoClass,
                    const QString& asset);
    void requestErase(const QString& method, const QString& purpose, int infoClass,
                      const QString& asset);

    QVariantMap device_;
    QVariantList methods_;
    QString recommended_;
    QString ledgerAsset_;
    int ledgerClass_ = 0;
    bool approvalRequired_ = false;
    QString requestId_;
    QString jobPath_;
};

}  // namespace massho::kiosk
