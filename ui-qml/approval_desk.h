#pragma once

#include <QtQml/qqmlregistration.h>

#include <QPointer>
#include <QString>
#include <QVariantList>

#include "desk.h"
#include "second_person.h"

class SessionProxy;

namespace massho::kiosk {

// A data manager's decisions on requests for approval (Session.GetRequests, Approve, Reject):
// either as the second person at an operator's kiosk (`approver` logged in), or from their own
// session through the queue of pending requests. The service decides who may approve what —
// never one's own request — and the kiosk shows its answer as it comes.
class ApprovalDesk : public Desk {
    Q_OBJECT
    QML_ELEMENT
    // When logged in, decisions are this person's; otherwise the logged-in person's.
    Q_PROPERTY(SecondPerson* approver READ approver WRITE setApprover NOTIFY approverChanged)
    // The pending requests (maps as GetRequests gives them), newest last.
    Q_PROPERTY(QVariantList pending READ pending NOTIFY pendingChanged)

  public:
    explicit ApprovalDesk(QObject* parent = nullptr);

    SecondPerson* approver() const { return approver_; }
    void setApprover(SecondPerson* approver);
    QVariantList pending() const { return pending_; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void approve(const QString& requestId);
    Q_INVOKABLE void reject(const QString& requestId, const QString& reason);

  signals:
    void approverChanged();
    void pendingChanged();
    // The service accepted the decision (and recorded it).
    void decided(const QString& requestId, bool approved);

  private:
    SessionProxy* deciding() const;

    QPointer<SecondPerson> approver_;
    QVariantList pending_;
};

}  // namespace massho::kiosk
