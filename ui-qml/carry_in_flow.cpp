#include "carry_in_flow.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "carry_call.h"
#include "dbus_types.h"
#include "typed_confirmation.h"

namespace massho::kiosk {

CarryInFlow::CarryInFlow(QObject* parent) : Desk(parent) {}

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

void CarryInFlow::submit(const QString& condition, bool cryptoErase, const QString& typed) {
    if (!session() || busy()) return;
    if (!confirms(typed)) {
        setError(confirmationMismatch(device_));
        return;
    }
    setError({});
    const auto carry = carryOf(*session());
    call(carry->StartCarryIn(device_.value(QStringLiteral("path")).toString(), condition,
                             cryptoErase),
         [this, carry](const QDBusPendingReply<QDBusObjectPath>& reply) {
             jobPath_ = reply.value().path();
             emit jobPathChanged();
         });
}

}  // namespace massho::kiosk
