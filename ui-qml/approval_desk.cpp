#include "approval_desk.h"

#include <QDBusPendingReply>

#include "dbus_types.h"
#include "second_person.h"
#include "session_proxy.h"

namespace massho::kiosk {

ApprovalDesk::ApprovalDesk(QObject* parent) : Desk(parent) {}

void ApprovalDesk::setApprover(SecondPerson* approver) {
    if (approver_ == approver) return;
    approver_ = approver;
    emit approverChanged();
}

SessionProxy* ApprovalDesk::deciding() const {
    if (approver_ && approver_->session()) return approver_->session();
    return session();
}

void ApprovalDesk::refresh() {
    SessionProxy* session = deciding();
    if (!session) return;
    read(session->GetRequests(), [this](const QDBusPendingReply<QVariantMapList>& reply) {
        pending_.clear();
        for (const QVariantMap& request : reply.value())
            if (request.value(QStringLiteral("state")).toString() == QLatin1String("pending"))
                pending_.append(request);
        emit pendingChanged();
    });
}

void ApprovalDesk::approve(const QString& requestId) {
    SessionProxy* session = deciding();
    if (!session || busy()) return;
    setError({});
    call(
        session->Approve(requestId),
        [this, requestId](const QDBusPendingReply<>&) {
            emit decided(requestId, true);
            refresh();
        },
        [this] { refresh(); });  // e.g. one's own request: the queue as it is now
}

void ApprovalDesk::reject(const QString& requestId, const QString& reason) {
    SessionProxy* session = deciding();
    if (!session || busy()) return;
    setError({});
    call(
        session->Reject(requestId, reason),
        [this, requestId](const QDBusPendingReply<>&) {
            emit decided(requestId, false);
            refresh();
        },
        [this] { refresh(); });
}

}  // namespace massho::kiosk
