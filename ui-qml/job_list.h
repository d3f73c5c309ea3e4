#pragma once

#include <QtQml/qqmlregistration.h>

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
// one map per job with the Job interface's properties (Operation, Device, State, Pass,
// PassCount, BytesDone, BytesTotal, Rate, ExpectedEndAt, Result, EntryIndex, Operator) plus
// `path`. Follows JobAdded and each job's PropertiesChanged (at most four a second per job, the
// service's own pace); every read is asynchronous.
class JobList : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList jobs READ jobs NOTIFY jobsChanged)

  public:
    explicit JobList(QObject* parent = nullptr);
    ~JobList() override;

    QVariantList jobs() const { return jobs_; }

  signals:
    void jobsChanged();

  private slots:
    void jobAdded(const QDBusObjectPath& path);
    // The signal's own message says which job (its object path) changed.
    void propertiesChanged(const QString& interface, const QVariantMap& changed,
                           const QStringList& invalidated, const QDBusMessage& signal);

  private:
    void follow(const QString& path);
    void merge(const QString& path, const QVariantMap& properties);

    QDBusConnection bus_;
    std::unique_ptr<ManagerProxy> manager_;
    QVariantList jobs_;
};

}  // namespace massho::kiosk
