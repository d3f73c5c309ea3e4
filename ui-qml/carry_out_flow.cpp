#include "carry_out_flow.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "carry_call.h"
#include "dbus_types.h"
#include "typed_confirmation.h"

namespace massho::kiosk {

CarryOutFlow::CarryOutFlow(QObject* parent) : Desk(parent) {}

void CarryOutFlow::setDevice(const QVariantMap& device) {
    device_ = device;
    requestId_.clear();
    jobPath_.clear();
    emit deviceChanged();
    emit requestIdChanged();
    emit jobPathChanged();
    readChoices();
}

QString CarryOutFlow::path() const {
    return device_.value(QStringLiteral("path")).toString();
}

QString CarryOutFlow::confirmationSource() const {
    return kiosk::confirmationSource(device_);
}

bool CarryOutFlow::confirms(const QString& typed) const {
    return confirmsDevice(device_, typed);
}

// The allowed sources and the key book, as the service lists them, and the ledger's tag.
void CarryOutFlow::readChoices() {
    if (!session() || path().isEmpty()) return;
    const auto carry = carryOf(*session());
    read(carry->GetSources(), [this, carry](const QDBusPendingReply<QVariantMapList, bool>& reply) {
        sources_.clear();
        for (const QVariantMap& entry : reply.argumentAt<0>()) sources_.append(entry);
        sourcesTruncated_ = reply.argumentAt<1>();
        sourcesRead_ = true;
        emit sourcesChanged();
    });
    read(carry->GetRecipients(), [this, carry](const QDBusPendingReply<QVariantMapList>& reply) {
        recipients_.clear();
        for (const QVariantMap& entry : reply.value()) recipients_.append(entry);
        emit recipientsChanged();
    });
    plan(0);
}

void CarryOutFlow::plan(int infoClass) {
    if (!session() || path().isEmpty()) return;
    const auto carry = carryOf(*session());
    read(carry->PlanCarryOut(path(), infoClass),
         [this, carry](const QDBusPendingReply<QVariantMap>& reply) {
             ledgerAsset_ = reply.value().value(QStringLiteral("asset")).toString();
             approvalRequired_ = reply.value().value(QStringLiteral("approval_required")).toBool();
             emit planChanged();
         });
}

void CarryOutFlow::submit(const QStringList& files, const QStringList& recipients, int infoClass,
                          const QString& destination, const QString& asset, const QString& typed) {
    if (!session() || busy()) return;
    if (!confirms(typed)) {
        setError(confirmationMismatch(device_));
        return;
    }
    setError({});
    if (!requestId_.isEmpty()) {  // asked for and, the person says, approved: the service checks
        start(files, recipients, infoClass, destination, asset);
        return;
    }
    // The service says, for exactly this class, whether an approval comes first.
    const auto carry = carryOf(*session());
    call(carry->PlanCarryOut(path(), infoClass),
         [=, this](const QDBusPendingReply<QVariantMap>& reply) {
             approvalRequired_ = reply.value().value(QStringLiteral("approval_required")).toBool();
             emit planChanged();
             if (approvalRequired_)
                 request(infoClass, destination, asset);
             else
                 start(files, recipients, infoClass, destination, asset);
         });
}

void CarryOutFlow::start(const QStringList& files, const QStringList& recipients, int infoClass,
                         const QString& destination, const QString& asset) {
    if (!session()) return;
    call(session()->StartCarryOut(path(), files, recipients, infoClass, destination, asset,
                                  requestId_, {}),
         [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
             jobPath_ = reply.value().path();
             emit jobPathChanged();
         });
}

void CarryOutFlow::request(int infoClass, const QString& destination, const QString& asset) {
    if (!session()) return;
    const auto carry = carryOf(*session());
    call(carry->RequestCarryOut(path(), infoClass, asset, destination, tr("asked at the kiosk")),
         [this, carry](const QDBusPendingReply<QString>& reply) {
             requestId_ = reply.value();
             emit requestIdChanged();
         });
}

}  // namespace massho::kiosk
