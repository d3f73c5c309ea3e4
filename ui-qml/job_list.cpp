#include "job_list.h"

#include <QDBusMessage>
#include <QDBusPendingReply>
#include <memory>

#include "dbus_types.h"
#include "manager_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

namespace {

const QString kJobInterface = QStringLiteral("org.massho.Appliance1.Job");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");

}  // namespace

JobList::JobList(QObject* parent) : QObject(parent), bus_(QDBusConnection::systemBus()) {
    service::registerDbusTypes();
    if (!bus_.isConnected()) return;
    manager_ = std::make_unique<ManagerProxy>(kServiceName, kManagerPath, bus_);
    connect(manager_.get(), &ManagerProxy::JobAdded, this, &JobList::jobAdded);
    whenAnswered(this, manager_->GetJobs(),
                 [this](const QDBusPendingReply<QList<QDBusObjectPath>>& reply) {
                     if (reply.isError()) return;
                     for (const QDBusObjectPath& path : reply.value()) follow(path.path());
                 });
}

JobList::~JobList() = default;

void JobList::jobAdded(const QDBusObjectPath& path) {
    follow(path.path());
}

void JobList::follow(const QString& path) {
    for (const QVariant& job : jobs_)
        if (job.toMap().value("path").toString() == path) return;
    jobs_.append(QVariantMap{{"path", path}});
    // Changes first, then everything once: a change that arrives in between is not lost.
    bus_.connect(kServiceName, path, kProperties, QStringLiteral("PropertiesChanged"), this,
                 SLOT(propertiesChanged(QString, QVariantMap, QStringList, QDBusMessage)));
    QDBusMessage getAll =
        QDBusMessage::createMethodCall(kServiceName, path, kProperties, QStringLiteral("GetAll"));
    getAll << kJobInterface;
    whenAnswered(this, QDBusPendingReply<QVariantMap>(bus_.asyncCall(getAll)),
                 [this, path](const QDBusPendingReply<QVariantMap>& reply) {
                     if (!reply.isError()) merge(path, reply.value());
                 });
    emit jobsChanged();
}

void JobList::propertiesChanged(const QString& interface, const QVariantMap& changed,
                                const QStringList&, const QDBusMessage& signal) {
    if (interface == kJobInterface) merge(signal.path(), changed);
}

void JobList::merge(const QString& path, const QVariantMap& properties) {
    for (QVariant& job : jobs_) {
        QVariantMap map = job.toMap();
        if (map.value("path").toString() != path) continue;
        for (auto it = properties.begin(); it != properties.end(); ++it)
            map.insert(it.key(), it.value());
        job = map;
        emit jobsChanged();
        return;
    }
}

}  // namespace massho::kiosk
