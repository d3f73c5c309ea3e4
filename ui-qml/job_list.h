#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

class ManagerProxy;

namespace massho::kiosk {

// Every job of the service, running or ended, as the kiosk shows them to whoever is logged in:
// one row per job whose role `job` is a map of the Job interface's properties (Operation,
// Device, State, Pass, PassCount, BytesDone, BytesTotal, Rate, ExpectedEndAt, Result,
// EntryIndex, Operator) plus `path`. Follows JobAdded and each job's PropertiesChanged (at most
// four a second per job, the service's own pace); every read is asynchronous.
// A list model, so that a change redraws its own row only (dataChanged) and a view keeps its
// delegates: with four erasures reporting, rebuilding every row on each change would cost the
// UI thread frames (tests/ui-qml/frame_time.qml).
class JobList : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Every job as one list, for a look-up in QML; a view uses the model itself.
    Q_PROPERTY(QVariantList jobs READ jobs NOTIFY jobsChanged)

  public:
    enum Role { JobRole = Qt::UserRole + 1, PathRole, DeviceRole };

    explicit JobList(QObject* parent = nullptr);
    ~JobList() override;

    int count() const { return static_cast<int>(jobs_.size()); }
    QVariantList jobs() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  signals:
    void countChanged();
    void jobsChanged();

  private slots:
    void jobAdded(const QDBusObjectPath& path);
    // The signal's own message says which job (its object path) changed.
    void propertiesChanged(const QString& interface, const QVariantMap& changed,
                           const QStringList& invalidated, const QDBusMessage& signal);

  private:
    void follow(const QString& path);
    void merge(const QString& path, const QVariantMap& properties);
    int rowOf(const QString& path) const;

    QDBusConnection bus_;
    std::unique_ptr<ManagerProxy> manager_;
    QList<QVariantMap> jobs_;
};

}  // namespace massho::kiosk
