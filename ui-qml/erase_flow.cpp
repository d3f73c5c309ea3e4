#include "erase_flow.h"

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "appliance_client.h"
#include "dbus_types.h"
#include "manager_proxy.h"
#include "session_proxy.h"
#include "typed_confirmation.h"
#include "when_answered.h"

namespace massho::kiosk {

EraseFlow::EraseFlow(QObject* parent) : QObject(parent) {
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit errorChanged(); });
    service::registerDbusTypes();
}

void EraseFlow::setClient(ApplianceClient* client) {
    if (client_ == client) return;
    client_ = client;
    emit clientChanged();
    plan({}, 0);  // QML may set the device before the client
}

void EraseFlow::setDevice(const QVariantMap& device) {
    device_ = device;
    requestId_.clear();
    jobPath_.clear();
    emit deviceChanged();
    emit requestIdChanged();
    emit jobPathChanged();
    readMethods();
    plan({}, 0);
}

QString EraseFlow::path() const {
    return device_.value(QStringLiteral("path")).toString();
}

QString EraseFlow::confirmationSource() const {
    return kiosk::confirmationSource(device_);
}

bool EraseFlow::confirms(const QString& typed) const {
    return confirmsDevice(device_, typed);
}

void EraseFlow::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged();
}

void EraseFlow::setError(const Refusal& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void EraseFlow::readMethods() {
    methods_.clear();
    recommended_.clear();
    emit methodsChanged();
    if (path().isEmpty()) return;
    auto manager =
        std::make_shared<ManagerProxy>(kServiceName, kManagerPath, QDBusConnection::systemBus());
    whenAnswered(this, manager->GetMethods(path()),
                 [this, manager](const QDBusPendingReply<QVariantMapList>& reply) {
                     if (reply.isError()) {
                         setError(Refusal::of(reply));
                         return;
                     }
                     for (const QVariantMap& method : reply.value()) {
                         methods_.append(method);
                         if (method.value(QStringLiteral("recommended")).toBool())
                             recommended_ = method.value(QStringLiteral("id")).toString();
                     }
                     emit methodsChanged();
                 });
}

void EraseFlow::plan(const QString& purpose, int infoClass) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session || path().isEmpty()) return;
    whenAnswered(this, session->PlanErase(path(), purpose, infoClass),
                 [this](const QDBusPendingReply<QVariantMap>& reply) {
                     if (reply.isError()) {
                         setError(Refusal::of(reply));
                         return;
                     }
                     ledgerAsset_ = reply.value().value(QStringLiteral("asset")).toString();
                     ledgerClass_ = reply.value().value(QStringLiteral("info_class")).toInt();
                     approvalRequired_ =
                         reply.value().value(QStringLiteral("approval_required")).toBool();
                     emit planChanged();
                 });
}

void EraseFlow::submit(const QString& method, const QString& purpose, int infoClass,
                       const QString& asset, const QString& typed) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session || busy_) return;
    if (!confirms(typed)) {
        setError(confirmationMismatch(device_));
        return;
    }
    setError({});
    if (!requestId_.isEmpty()) {  // asked for and, the person says, approved: the service checks
        startErase(method, purpose, infoClass, asset);
        return;
    }
    setBusy(true);
    // The service says, for exactly these fields, whether an approval comes first.
    whenAnswered(this, session->PlanErase(path(), purpose, infoClass),
                 [=, this](const QDBusPendingReply<QVariantMap>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         setError(Refusal::of(reply));
                         return;
                     }
                     approvalRequired_ =
                         reply.value().value(QStringLiteral("approval_required")).toBool();
                     emit planChanged();
                     if (approvalRequired_)
                         requestErase(method, purpose, infoClass, asset);
                     else
                         startErase(method, purpose, infoClass, asset);
                 });
}

void EraseFlow::startErase(const QString& method, const QString& purpose, int infoClass,
                           const QString& asset) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return;
    setBusy(true);
    whenAnswered(this,
                 session->StartErase(path(), method, purpose, infoClass, asset, requestId_, {}),
                 [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
                     setBusy(false);
                     if (reply.isError()) {
                         setError(Refusal::of(reply));
                         return;
                     }
                     jobPath_ = reply.value().path();
                     emit jobPathChanged();
                 });
}

void EraseFlow::requestErase(const QString& method, const QString& purpose, int infoClass,
                             const QString& asset) {
    SessionProxy* session = client_ ? client_->session() : nullptr;
    if (!session) return;
    setBusy(true);
    whenAnswered(
        this,
        session->RequestErase(path(), method, purpose, infoClass, asset, tr("asked at the kiosk")),
        [this](const QDBusPendingReply<QString>& reply) {
            setBusy(false);
            if (reply.isError()) {
                setError(Refusal::of(reply));
                return;
            }
            requestId_ = reply.value();
            emit requestIdChanged();
        });
}

}  // namespace massho::kiosk
