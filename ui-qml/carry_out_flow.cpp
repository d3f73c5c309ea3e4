#include "carry_out_flow.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "carry_call.h"
#include "dbus_types.h"
#include "typed_confirmation.h"
#include "when_answered.h"

namespace massho::kiosk {

CarryOutFlow::CarryOutFlow(QObject* parent) : QObject(parent) {
    service::registerDbusTypes();
}

void CarryOutFlow::setClient(ApplianceClient* client) {
    if (client_ == client) return;
    client_ = client;
    emit clientChanged();
    readChoices();  // QML may set the device before the client
}

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

void CarryOutFlow::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged();
}

void CarryOutFlow::setError(const QString& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

// The allowed sources and the key book, as the service lists them, and the ledger's tag.
void CarryOutFlow::readChoices() {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session || path().isEmpty()) return;
    const auto carry = carryOf(*session);
    whenAnswered(this, carry->GetSources(),
                 [this, carry](const QDBusPendingReply<QVariantMapList, bool>& reply) {
                     if (reply.isError()) {
                         setError(reply.error().message());
                         return;
                     }
                     sources_.clear();
                     for (const QVariantMap& entry : reply.argumentAt<0>()) sources_.append(entry);
                     sourcesTruncated_ = reply.argumentAt<1>();
                     sourcesRead_ = true;
                     emit sourcesChanged();
                 });
    whenAnswered(this, carry->GetRecipients(),
                 [this, carry](const QDBusPendingReply<QVariantMapList>& reply) {
                     if (reply.isError()) {
                         setError(reply.error().message());
                         return;
                     }
                     recipients_.clear();
                     for (const QVariantMap& entry : reply.value()) recipients_.append(entry);
                     emit recipientsChanged();
                 });
    plan(0);
}

void CarryOutFlow::plan(int infoClass) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session || path().isEmpty()) return;
    const auto carry = carryOf(*session);
    whenAnswered(this, carry->PlanCarryOut(path(), infoClass),
                 [this, carry](const QDBusPendingReply<QVariantMap>& reply) {
                     if (reply.isError()) {
                         setError(reply.error().message());
                         return;
                     }
                     ledgerAsset_ = reply.value().value(QStringLiteral("asset")).toString();
                     approvalRequired_ =
                         reply.value().value(QStringLiteral("approval_required")).toBool();
                     emit planChanged();
                 });
}

void CarryOutFlow::submit(const QStringList& files, const QStringList& recipients, int infoClass,
                          const QString& destination, const QString& asset, const QString& typed) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session || busy_) return;
    if (!confirms(typed)) {
        setError(confirmationMismatch(device_));
        return;
    }
    setError({});
    if (!requestId_.isEmpty()) {  // asked for and, the person says, approved: the service checks
        start(files, recipients, infoClass, destination, asset);
        return;
    }
    setBusy(true);
    // The service says, for exactly this class, whether an approval comes first.
    const auto carry = carryOf(*session);
    whenAnswered(this, carry->PlanCarryOut(path(), infoClass),
                 [=, this](const QDBusPendingReply<QVariantMap>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         setError(reply.error().message());
                         return;
                     }
                     approvalRequired_ =
                         reply.value().value(QStringLiteral("approval_required")).toBool();
                     emit planChanged();
                     if (approvalRequired_)
                         request(infoClass, destination, asset);
                     else
                         start(files, recipients, infoClass, destination, asset);
                 });
}

void CarryOutFlow::start(const QStringList& files, const QStringList& recipients, int infoClass,
                         const QString& destination, const QString& asset) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return;
    setBusy(true);
    whenAnswered(this,
                 session->StartCarryOut(path(), files, recipients, infoClass, destination, asset,
                                        requestId_, {}),
                 [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         setError(reply.error().message());
                         return;
                     }
                     jobPath_ = reply.value().path();
                     emit jobPathChanged();
                 });
}

void CarryOutFlow::request(int infoClass, const QString& destination, const QString& asset) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return;
    setBusy(true);
    const auto carry = carryOf(*session);
    whenAnswered(
        this,
        carry->RequestCarryOut(path(), infoClass, asset, destination, tr("asked at the kiosk")),
        [this, carry](const QDBusPendingReply<QString>& reply) {
            setBusy(false);
            if (reply.isError()) {
                setError(reply.error().message());
                return;
            }
            requestId_ = reply.value();
            emit requestIdChanged();
        });
}

}  // namespace massho::kiosk
