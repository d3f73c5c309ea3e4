#include "audit_desk.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "dbus_types.h"
#include "records_proxy.h"
#include "session_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

AuditDesk::AuditDesk(QObject* parent) : QObject(parent) {
    service::registerDbusTypes();  // the replies' aa{sv}
}

AuditDesk::~AuditDesk() = default;

RecordsProxy* AuditDesk::records() {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return nullptr;
    const QString path = session->path() + QStringLiteral("/records");
    if (!records_ || records_->path() != path)
        records_ = std::make_unique<RecordsProxy>(kServiceName, path, session->connection());
    return records_.get();
}

void AuditDesk::verifyNow() {
    RecordsProxy* desk = records();
    if (!desk) return;
    ++busy_;
    error_.clear();
    emit changed();
    whenAnswered(this, desk->VerifyRegister(),
                 [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
                     --busy_;
                     if (reply.isError())
                         error_ = reply.error().message();
                     else
                         job_ = reply.value().path();
                     emit changed();
                 });
}

void AuditDesk::loadCheckpoint() {
    RecordsProxy* desk = records();
    if (!desk) return;
    ++busy_;
    emit changed();
    whenAnswered(this, desk->GetCheckpoint(),
                 [this](const QDBusPendingReply<QVariantMap, QVariantMapList>& reply) {
                     --busy_;
                     if (reply.isError()) {
                         error_ = reply.error().message();
                     } else {
                         checkpoint_ = reply.argumentAt<0>();
                         cosignatures_.clear();
                         for (const QVariantMap& c : reply.argumentAt<1>()) cosignatures_ << c;
                     }
                     emit changed();
                 });
}

}  // namespace massho::kiosk
