#include "job_watch.h"

#include <QDBusConnection>
#include <QDBusPendingReply>

#include "when_answered.h"

namespace massho::kiosk {

namespace {

const QString kJobInterface = QStringLiteral("org.massho.Appliance1.Job");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");

}  // namespace

JobWatch::JobWatch(QObject* parent) : QObject(parent) {}

JobWatch::~JobWatch() {
    follow(false);
}

void JobWatch::setPath(const QString& path) {
    if (path == path_) return;
    follow(false);
    path_ = path;
    job_.clear();
    emit pathChanged();
    emit jobChanged();
    if (path_.isEmpty()) return;
    // Changes first, then everything once: a change that arrives in between is not lost.
    follow(true);
    QDBusMessage getAll =
        QDBusMessage::createMethodCall(kServiceName, path_, kProperties, QStringLiteral("GetAll"));
    getAll << kJobInterface;
    whenAnswered(this,
                 QDBusPendingReply<QVariantMap>(QDBusConnection::systemBus().asyncCall(getAll)),
                 [this, path](const QDBusPendingReply<QVariantMap>& reply) {
                     if (reply.isError() || path != path_) return;
                     QVariantMap all = reply.value();
                     // Changes that came first are newer than this answer.
                     for (auto it = job_.begin(); it != job_.end(); ++it)
                         all.insert(it.key(), it.value());
                     job_ = all;
                     emit jobChanged();
                 });
}

void JobWatch::follow(bool on) {
    if (path_.isEmpty()) return;
    QDBusConnection bus = QDBusConnection::systemBus();
    const char* slot = SLOT(propertiesChanged(QString, QVariantMap, QStringList, QDBusMessage));
    if (on)
        bus.connect(kServiceName, path_, kProperties, QStringLiteral("PropertiesChanged"), this,
                    slot);
    else
        bus.disconnect(kServiceName, path_, kProperties, QStringLiteral("PropertiesChanged"), this,
                       slot);
}

void JobWatch::propertiesChanged(const QString& interface, const QVariantMap& changed,
                                 const QStringList&, const QDBusMessage& signal) {
    if (interface != kJobInterface || signal.path() != path_) return;
    for (auto it = changed.begin(); it != changed.end(); ++it) job_.insert(it.key(), it.value());
    emit jobChanged();
}

}  // namespace massho::kiosk
