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

JobList::JobList(QObject* parent) : QAbstractListModel(parent), bus_(QDBusConnection::systemBus()) {
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

QVariantList JobList::jobs() const {
    QVariantList all;
    for (const QVariantMap& job : jobs_) all.append(job);
    return all;
}

int JobList::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant JobList::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const QVariantMap& job = jobs_[index.row()];
    switch (role) {
        case JobRole:
            return job;
        case PathRole:
            return job.value(QStringLiteral("path"));
        case DeviceRole:
            return job.value(QStringLiteral("Device"));
        default:
            return {};
    }
}

QHash<int, QByteArray> JobList::roleNames() const {
    return {{JobRole, "job"}, {PathRole, "path"}, {DeviceRole, "device"}};
}

int JobList::rowOf(const QString& path) const {
    for (int row = 0; row < count(); ++row)
        if (jobs_[row].value(QStringLiteral("path")).toString() == path) return row;
    return -1;
}

void JobList::jobAdded(const QDBusObjectPath& path) {
    follow(path.path());
}

void JobList::follow(const QString& path) {
    if (rowOf(path) >= 0) return;
    beginInsertRows({}, count(), count());
    jobs_.append(QVariantMap{{"path", path}});
    endInsertRows();
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
    emit countChanged();
    emit jobsChanged();
}

void JobList::propertiesChanged(const QString& interface, const QVariantMap& changed,
                                const QStringList&, const QDBusMessage& signal) {
    if (interface == kJobInterface) merge(signal.path(), changed);
}

void JobList::merge(const QString& path, const QVariantMap& properties) {
    const int row = rowOf(path);
    if (row < 0) return;
    QVariantMap& job = jobs_[row];
    for (auto it = properties.begin(); it != properties.end(); ++it)
        job.insert(it.key(), it.value());
    // This row only: the view keeps every other delegate, and this one too.
    emit dataChanged(index(row), index(row));
    emit jobsChanged();
}

}  // namespace massho::kiosk
