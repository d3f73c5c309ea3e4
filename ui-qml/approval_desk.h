#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>

#include "appliance_client.h"
#include "refusal.h"
#include "second_person.h"

class SessionProxy;

namespace massho::kiosk {

// A data manager's decisions on requests for approval (Session.GetRequests, Approve, Reject):
// either as the second person at an operator's kiosk (`approver` logged in), or from their own
// session through the queue of pending requests. The service decides who may approve what —
// never one's own request — and the kiosk shows its answer as it comes.
class ApprovalDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApplianceClient* client READ client WRITE setClient NOTIFY clientChanged)
    // When logged in, decisions are this person's; otherwise the logged-in person's.
    Q_PROPERTY(SecondPerson* approver READ approver WRITE setApprover NOTIFY approverChanged)
    // The pending requests (maps as GetRequests gives them), newest last.
    Q_PROPERTY(QVariantList pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

  public:
    explicit ApprovalDesk(QObject* parent = nullptr);

    ApplianceClient* client() const { return client_; }
    void setClient(ApplianceClient* client);
    SecondPerson* approver() const { return approver_; }
    void setApprover(SecondPerson* approver);
    QVariantList pending() const { return pending_; }
    bool busy() const { return busy_; }
    QString error() const { return error_.text(); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void approve(const QString& requestId);
    Q_INVOKABLE void reject(const QString& requestId, const QString& reason);

  signals:
    void clientChanged();
    void approverChanged();
    void pendingChanged();
    void busyChanged();
    void errorChanged();
    // The service accepted the decision (and recorded it).
    void decided(const QString& requestId, bool approved);

  private:
    SessionProxy* deciding() const;
    void setBusy(bool busy);
    void setError(const Refusal& error);

    QPointer<ApplianceClient> client_;
    QPointer<SecondPerson> approver_;
    QVariantList pending_;
    bool busy_ = false;
    Refusal error_;  // said in the language chosen when read
};

}  // namespace massho::kiosk
