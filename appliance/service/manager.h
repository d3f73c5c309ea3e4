#pragma once

#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <memory>
#include <optional>

#include "dbus_types.h"
#include "login_desk.h"

class ManagerAdaptor;

namespace massho::service {

class Service;

// The front door (org.massho.Appliance1.Manager at /org/massho/Appliance1, masshod(8)): log in,
// list devices, methods and jobs, and hear devices come and go. Anyone the bus policy lets in
// (root and the kiosk's user) may call it; everything else needs a session.
class Manager : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_PROPERTY(QString Version READ version)
    Q_PROPERTY(QString Origin READ origin)

  public:
    explicit Manager(Service& service, QObject* parent = nullptr);
    ~Manager() override;

    QString version() const;
    QString origin() const;

  public slots:
    QDBusObjectPath Login(const QString& user, const QString& password);
    QVariantMapList GetDevices();
    QVariantMapList GetMethods(const QString& device);
    QList<QDBusObjectPath> GetJobs();

  signals:
    void DeviceAdded(const QVariantMap& device);
    void DeviceRemoved(const QString& path);
    void JobAdded(const QDBusObjectPath& job);

  private slots:
    // org.freedesktop.DBus.NameOwnerChanged: a connection that left ends its sessions.
    void nameOwnerChanged(const QString& name, const QString& oldOwner, const QString& newOwner);

  private:
    // GetDevices' answer: the catalog as the last listing left it.
    QVariantMapList describeDevices() const;
    void answerLogin(const QDBusMessage& call, std::optional<records::User> person,
                     DbusError error);

    Service& service_;
    std::unique_ptr<ManagerAdaptor> adaptor_;  // its face on the bus (generated from api/)
    LoginDesk logins_;
};

}  // namespace massho::service
