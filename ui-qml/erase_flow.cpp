#include "erase_flow.h"

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "dbus_types.h"
#include "manager_proxy.h"
#include "session_proxy.h"
#include "typed_confirmation.h"

namespace massho::kiosk {

EraseFlow::EraseFlow(QObject* parent) : Desk(parent) {}

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

void EraseFlow::readMethods() {
    methods_.clear();
    recommended_.clear();
    emit methodsChanged();
    if (path().isEmpty()) return;
    auto manager =
        std::make_shared<ManagerProxy>(kServiceName, kManagerPath, QDBusConnection::systemBus());
    read(manager->GetMethods(path()),
         [this, manager](const QDBusPendingReply<QVariantMapList>& reply) {
             for (const QVariantMap& method : reply.value()) {
                 methods_.append(method);
                 if (method.value(QStringLiteral("recommended")).toBool())
                     recommended_ = method.value(QStringLiteral("id")).toString();
             }
             emit methodsChanged();
         });
}

void EraseFlow::plan(const QString& purpose, int infoClass) {
    if (!session() || path().isEmpty()) return;
    read(session()->PlanErase(path(), purpose, infoClass),
         [this](const QDBusPendingReply<QVariantMap>& reply) {
             ledgerAsset_ = reply.value().value(QStringLiteral("asset")).toString();
             ledgerClass_ = reply.value().value(QStringLiteral("info_class")).toInt();
             approvalRequired_ = reply.value().value(QStringLiteral("approval_required")).toBool();
             emit planChanged();
         });
}

void EraseFlow::submit(const QString& method, const QString& purpose, int infoClass,
                       const QString& asset, const QString& typed) {
    if (!session() || busy()) return;
    if (!confirms(typed)) {
        setError(confirmationMismatch(device_));
        return;
    }
    setError({});
    if (!requestId_.isEmpty()) {  // asked for and, the person says, approved: the service checks
        startErase(method, purpose, infoClass, asset);
        return;
    }
    // The service says, for exactly these fields, whether an approval comes first.
    call(session()->PlanErase(path(), purpose, infoClass),
         [=, this](const QDBusPendingReply<QVariantMap>& reply) {
             approvalRequired_ = reply.value().value(QStringLiteral("approval_required")).toBool();
             emit planChanged();
             if (approvalRequired_)
                 requestErase(method, purpose, infoClass, asset);
             else
                 startErase(method, purpose, infoClass, asset);
         });
}

void EraseFlow::startErase(const QString& method, const QString& purpose, int infoClass,
                           const QString& asset) {
    if (!session()) return;
    call(session()->StartErase(path(), method, purpose, infoClass, asset, requestId_, {}),
         [this](const QDBusPendingReply<QDBusObjectPath>& reply) {
             jobPath_ = reply.value().path();
             emit jobPathChanged();
         });
}

void EraseFlow::requestErase(const QString& method, const QString& purpose, int infoClass,
                             const QString& asset) {
    if (!session()) return;
    call(session()->RequestErase(path(), method, purpose, infoClass, asset,
                                 tr("asked at the kiosk")),
         [this](const QDBusPendingReply<QString>& reply) {
             requestId_ = reply.value();
             emit requestIdChanged();
         });
}

}  // namespace massho::kiosk
