#include "carry_in_flow.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "carry_call.h"
#include "dbus_types.h"
#include "typed_confirmation.h"
#include "when_answered.h"

namespace massho::kiosk {

CarryInFlow::CarryInFlow(QObject* parent) : QObject(parent) {
    service::registerDbusTypes();
}

void CarryInFlow::setClient(ApplianceClient* client) {
    if (client_ == client) return;
    client_ = client;
    emit clientChanged();
}

void CarryInFlow::setDevice(const QVariantMap& device) {
    device_ = device;
    jobPath_.clear();
    emit deviceChanged();
    emit jobPathChanged();
}

QString CarryInFlow::confirmationSource() const {
    return kiosk::confirmationSource(device_);
}

bool CarryInFlow::confirms(const QString& typed) const {
    return confirmsDevice(device_, typed);
}

void CarryInFlow::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged();
}

void CarryInFlow::setError(const QString& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void CarryInFlow::submit(const QString& condition, bool cryptoErase, const QString& typed) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session || busy_) return;
    if (!confirms(typed)) {
        setError(confirmationMismatch(device_));
        return;
    }
    setError({});
    setBusy(true);
    const auto carry = carryOf(*session);
    whenAnswered(this,
                 carry->StartCarryIn(device_.value(QStringLiteral("path")).toString(), condition,
                                     cryptoErase),
                 [this, carry](const QDBusPendingReply<QDBusObjectPath>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         setError(reply.error().message());
                         return;
                     }
                     jobPath_ = reply.value().path();
                     emit jobPathChanged();
                 });
}

}  // namespace massho::kiosk
