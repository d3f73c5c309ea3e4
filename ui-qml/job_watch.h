#pragma once

#include <QtQml/qqmlregistration.h>

#include <QDBusMessage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace massho::kiosk {

// One job of the service followed by its path, for the result view: the Job interface's
// properties (State, Pass, PassCount, BytesDone, BytesTotal, Rate, ExpectedEndAt, Cancellable,
// Result, EntryIndex, Operator, Device) read once and kept up to date from PropertiesChanged;
// every read asynchronous.
class JobWatch : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY pathChanged)
    Q_PROPERTY(QVariantMap job READ job NOTIFY jobChanged)

  public:
    explicit JobWatch(QObject* parent = nullptr);
    ~JobWatch() override;

    QString path() const { return path_; }
    void setPath(const QString& path);
    QVariantMap job() const { return job_; }

  signals:
    void pathChanged();
    void jobChanged();

  private slots:
    void propertiesChanged(const QString& interface, const QVariantMap& changed,
                           const QStringList& invalidated, const QDBusMessage& signal);

  private:
    void follow(bool on);

    QString path_;
    QVariantMap job_;
};

}  // namespace massho::kiosk
