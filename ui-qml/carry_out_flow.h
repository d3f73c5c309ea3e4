#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include "desk.h"

namespace massho::kiosk {

// The carry-out wizard's view model for one attached medium: what may be carried out (the
// service lists the allowed source folders: the kiosk reads no disk), to whom (the key book's
// receiving offices), what the ledger and the approval policy say (Carry.PlanCarryOut), and the
// act — Session.StartCarryOut, or Carry.RequestCarryOut first when the service says a data
// manager must approve, then StartCarryOut with the approved request. It decides nothing the
// service decides; its one check is the typed confirmation (typed_confirmation.h), since a
// carry-out erases the medium first.
class CarryOutFlow : public Desk {
    Q_OBJECT
    QML_ELEMENT
    // One GetDevices element; setting it reads the sources, the key book and the plan.
    Q_PROPERTY(QVariantMap device READ device WRITE setDevice NOTIFY deviceChanged)
    // Carry.GetSources' entries (folder, path, name, directory, size); truncated: a folder held
    // more than the service lists.
    Q_PROPERTY(QVariantList sources READ sources NOTIFY sourcesChanged)
    Q_PROPERTY(bool sourcesTruncated READ sourcesTruncated NOTIFY sourcesChanged)
    Q_PROPERTY(bool sourcesRead READ sourcesRead NOTIFY sourcesChanged)
    // Carry.GetRecipients' entries (name, label, fingerprint).
    Q_PROPERTY(QVariantList recipients READ recipients NOTIFY recipientsChanged)
    // From Carry.PlanCarryOut: the ledger's tag ("" when unknown), and whether the class chosen
    // needs a data manager's approval.
    Q_PROPERTY(QString ledgerAsset READ ledgerAsset NOTIFY planChanged)
    Q_PROPERTY(bool approvalRequired READ approvalRequired NOTIFY planChanged)
    Q_PROPERTY(QString confirmationSource READ confirmationSource NOTIFY deviceChanged)
    Q_PROPERTY(QString requestId READ requestId NOTIFY requestIdChanged)
    Q_PROPERTY(QString jobPath READ jobPath NOTIFY jobPathChanged)

  public:
    explicit CarryOutFlow(QObject* parent = nullptr);

    QVariantMap device() const { return device_; }
    void setDevice(const QVariantMap& device);
    QVariantList sources() const { return sources_; }
    bool sourcesTruncated() const { return sourcesTruncated_; }
    bool sourcesRead() const { return sourcesRead_; }
    QVariantList recipients() const { return recipients_; }
    QString ledgerAsset() const { return ledgerAsset_; }
    bool approvalRequired() const { return approvalRequired_; }
    QString confirmationSource() const;
    QString requestId() const { return requestId_; }
    QString jobPath() const { return jobPath_; }

    // Asks the service again whether this class needs an approval.
    Q_INVOKABLE void plan(int infoClass);
    Q_INVOKABLE bool confirms(const QString& typed) const;
    // Carries out (StartCarryOut) or asks for approval (RequestCarryOut), as the service says
    // for this class; after an approval, carries out with the approved request. Refused here,
    // before anything is sent, when the confirmation does not match.
    Q_INVOKABLE void submit(const QStringList& files, const QStringList& recipients, int infoClass,
                            const QString& destination, const QString& asset, const QString& typed);

  signals:
    void deviceChanged();
    void sourcesChanged();
    void recipientsChanged();
    void planChanged();
    void requestIdChanged();
    void jobPathChanged();

  private:
    void clientSet() override { readChoices(); }  // QML may set the device before the client
    QString path() const;
    void readChoices();
    void start(const QStringList& files, const QStringList& recipients, int infoClass,
               const QString& destination, const QString& asset);
    void request(int infoClass, const QString& destination, const QString& asset);

    QVariantMap device_;
    QVariantList sources_;
    bool sourcesTruncated_ = false;
    bool sourcesRead_ = false;
    QVariantList recipients_;
    QString ledgerAsset_;
    bool approvalRequired_ = false;
    QString requestId_;
    QString jobPath_;
};

}  // namespace massho::kiosk
