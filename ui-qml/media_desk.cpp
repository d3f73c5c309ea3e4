#include "media_desk.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>

#include "dbus_types.h"
#include "ledger_proxy.h"
#include "session_proxy.h"

namespace massho::kiosk {

MediaDesk::MediaDesk(QObject* parent) : Desk(parent) {}

MediaDesk::~MediaDesk() = default;

void MediaDesk::clientSet() {
    disconnect(sessionWatch_);
    ledger_.reset();
    if (client())
        sessionWatch_ =
            connect(client(), &ApplianceClient::sessionChanged, this, &MediaDesk::lookUp);
    lookUp();
}

void MediaDesk::setWitness(SecondPerson* witness) {
    if (witness_ == witness) return;
    witness_ = witness;
    emit witnessChanged();
}

void MediaDesk::setDevicePath(const QString& path) {
    if (devicePath_ == path) return;
    devicePath_ = path;
    emit devicePathChanged();
    lookUp();
}

// The Ledger object beside the session of the person logged in (SESSION/ledger).
LedgerProxy* MediaDesk::ledger() {
    SessionProxy* now = session();
    if (!now) {
        ledger_.reset();
        return nullptr;
    }
    const QString path = now->path() + QStringLiteral("/ledger");
    if (!ledger_ || ledger_->path() != path)
        ledger_ = std::make_unique<LedgerProxy>(kServiceName, path, now->connection());
    return ledger_.get();
}

void MediaDesk::lookUp() {
    LedgerProxy* proxy = ledger();
    if (!proxy || devicePath_.isEmpty()) return;
    read(proxy->FindMedium(devicePath_), [this](const QDBusPendingReply<QVariantMap>& reply) {
        const QString tag = reply.value().value(QStringLiteral("tag")).toString();
        if (!tag.isEmpty()) {
            load(tag);  // answered once its history is in too
            return;
        }
        answered_ = true;
        medium_.clear();
        history_.clear();
        emit mediumChanged();
    });
}

void MediaDesk::load(const QString& tag) {
    LedgerProxy* proxy = ledger();
    if (!proxy) return;
    read(proxy->GetMedium(tag),
         [this](const QDBusPendingReply<QVariantMap, QVariantMapList>& reply) {
             answered_ = true;
             medium_ = reply.argumentAt<0>();
             history_.clear();
             for (const QVariantMap& event : reply.argumentAt<1>()) history_.append(event);
             emit mediumChanged();
         });
}

// An act's answer: its register entry and the medium as it is now, or the service's reason.
template <typename Reply>
void MediaDesk::whenRecorded(const Reply& reply, const QString& act, const QString& tag) {
    setError({});
    call(reply, [this, act, tag](const QDBusPendingReply<qlonglong>& answer) {
        lastEntry_ = answer.value();
        emit lastEntryChanged();
        emit recorded(act, lastEntry_);
        load(tag);
    });
}

void MediaDesk::registerMedium(const QString& tag, int infoClass, const QString& section,
                               const QString& location) {
    LedgerProxy* proxy = ledger();
    if (!proxy || busy()) return;
    QVariantMap options;
    if (!section.isEmpty()) options.insert(QStringLiteral("section"), section);
    if (!location.isEmpty()) options.insert(QStringLiteral("location"), location);
    whenRecorded(proxy->AddMedium(devicePath_, tag, infoClass, options),
                 QStringLiteral("registered"), tag);
}

void MediaDesk::move(const QString& to, bool writeProtected, const QString& lockedBy) {
    LedgerProxy* proxy = ledger();
    const QString tag = medium_.value(QStringLiteral("tag")).toString();
    if (!proxy || busy() || tag.isEmpty()) return;
    QVariantMap options{{QStringLiteral("write_protected"), writeProtected}};
    if (!lockedBy.isEmpty()) options.insert(QStringLiteral("locked_by"), lockedBy);
    whenRecorded(proxy->MoveMedium(tag, to, options), QStringLiteral("moved"), tag);
}

void MediaDesk::recordDestruction(const QString& method) {
    LedgerProxy* proxy = ledger();
    const QString tag = medium_.value(QStringLiteral("tag")).toString();
    SessionProxy* witnessSession = witness_ ? witness_->session() : nullptr;
    if (!proxy || busy() || tag.isEmpty()) return;
    if (!witnessSession) {
        setError(tr("The witness logs in here first, as the second person."));
        return;
    }
    whenRecorded(proxy->DestroyMedium(tag, method, QDBusObjectPath(witnessSession->path()), {}),
                 QStringLiteral("destroyed"), tag);
}

}  // namespace massho::kiosk
