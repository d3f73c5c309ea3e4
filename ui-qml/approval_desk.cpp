#include "approval_desk.h"

#include <QDBusPendingReply>

#include "appliance_client.h"
#include "dbus_types.h"
#include "second_person.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

ApprovalDesk::ApprovalDesk(QObject* parent) : QObject(parent) {
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit errorChanged(); });
}

void ApprovalDesk::setClient(ApplianceClient* client) {
    if (client_ == client) return;
    client_ = client;
    emit clientChanged();
}

void ApprovalDesk::setApprover(SecondPerson* approver) {
    if (approver_ == approver) return;
    approver_ = approver;
    emit approverChanged();
}

SessionProxy* ApprovalDesk::deciding() const {
    if (approver_ && approver_->session()) return approver_->session();
    return client_ ? client_->session() : nullptr;
}

void ApprovalDesk::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged();
}

void ApprovalDesk::setError(const Refusal& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void ApprovalDesk::refresh() {
    SessionProxy* session = deciding();
    if (!session) return;
    whenAnswered(
        this, session->GetRequests(), [this](const QDBusPendingReply<QVariantMapList>& reply) {
            if (reply.isError()) {
                setError(Refusal::of(reply));
                return;
            }
            pending_.clear();
            for (const QVariantMap& request : reply.value())
                if (request.value(QStringLiteral("state")).toString() == QLatin1String("pending"))
                    pending_.append(request);
            emit pendingChanged();
        });
}

void ApprovalDesk::approve(const QString& requestId) {
    SessionProxy* session = deciding();
    if (!session || busy_) return;
    setBusy(true);
    setError({});
    whenAnswered(this, session->Approve(requestId),
                 [this, requestId](const QDBusPendingReply<>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         setError(Refusal::of(reply));  // e.g. one's own request
                     } else {
                         emit decided(requestId, true);
                     }
                     refresh();
                 });
}

void ApprovalDesk::reject(const QString& requestId, const QString& reason) {
    SessionProxy* session = deciding();
    if (!session || busy_) return;
    setBusy(true);
    setError({});
    whenAnswered(this, session->Reject(requestId, reason),
                 [this, requestId](const QDBusPendingReply<>& reply) {
                     setBusy(false);
                     if (reply.isError())
                         setError(Refusal::of(reply));
                     else
                         emit decided(requestId, false);
                     refresh();
                 });
}

}  // namespace massho::kiosk
