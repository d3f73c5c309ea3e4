#include "audit_desk.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "records_call.h"

namespace massho::kiosk {

AuditDesk::AuditDesk(QObject* parent) : Desk(parent) {}

void AuditDesk::verifyNow() {
    if (!session()) return;
    setError({});
    const auto records = recordsOf(*session());
    call(records->VerifyRegister(),
         [this, records](const QDBusPendingReply<QDBusObjectPath>& reply) {
             job_ = reply.value().path();
             emit changed();
         });
}

void AuditDesk::loadCheckpoint() {
    if (!session()) return;
    const auto records = recordsOf(*session());
    call(records->GetCheckpoint(),
         [this, records](const QDBusPendingReply<QVariantMap, QVariantMapList>& reply) {
             checkpoint_ = reply.argumentAt<0>();
             cosignatures_.clear();
             for (const QVariantMap& c : reply.argumentAt<1>()) cosignatures_ << c;
             emit changed();
         });
}

}  // namespace massho::kiosk
