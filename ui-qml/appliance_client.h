#pragma once

#include <QtQml/qqmlregistration.h>

#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>

#include "device_list.h"
#include "refusal.h"

class ManagerProxy;
class SessionProxy;

namespace massho::kiosk {

// The kiosk's one link to masshod (org.massho.Appliance1 on the system bus, masshod(8)): who is
// logged in, which media are attached, and the one-line reason when the service refused
// something. A thin view model over the generated D-Bus proxies: every call is asynchronous (the
// UI thread never waits on the bus), and it decides nothing itself — roles, approvals and
// eligibility are the service's answers, shown as they come.
class ApplianceClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool connected READ connected NOTIFY connectedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY sessionChanged)
    Q_PROPERTY(QString user READ user NOTIFY sessionChanged)
    Q_PROPERTY(QStringList roles READ roles NOTIFY sessionChanged)
    // The attached media, updated in place (device_list.h).
    Q_PROPERTY(massho::kiosk::DeviceList* devices READ devices CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // massho.conf [session] idle_minutes, as the service said at login: the screen locks after
    // as long without a touch (0 until logged in).
    Q_PROPERTY(int idleMinutes READ idleMinutes NOTIFY sessionChanged)
    // The last session ended by the idle lock (not by the person): the login screen says so.
    Q_PROPERTY(bool locked READ locked NOTIFY sessionChanged)

  public:
    explicit ApplianceClient(QObject* parent = nullptr);
    ~ApplianceClient() override;

    bool connected() const { return manager_ != nullptr; }
    bool busy() const { return busy_; }
    bool loggedIn() const { return session_ != nullptr && !user_.isEmpty(); }
    QString user() const { return user_; }
    QStringList roles() const { return roles_; }
    DeviceList* devices() { return &devices_; }
    QString error() const { return error_.text(); }
    int idleMinutes() const { return idleMinutes_; }
    bool locked() const { return locked_; }
    // The session of whoever is logged in (null when nobody is), for the other view models.
    SessionProxy* session() const { return loggedIn() ? session_.get() : nullptr; }

    Q_INVOKABLE void login(const QString& user, const QString& password);
    Q_INVOKABLE void logout();
    // Logs out because nobody touched the screen for idleMinutes; jobs keep running.
    Q_INVOKABLE void lock();
    Q_INVOKABLE void refreshDevices();
    Q_INVOKABLE bool hasRole(const QString& role) const { return roles_.contains(role); }

  signals:
    void connectedChanged();
    void busyChanged();
    void sessionChanged();
    void errorChanged();

  private:
    void connectToService();
    void setBusy(bool busy);
    void setError(const Refusal& error);
    void readSession(const QString& path);
    void onDeviceAdded(const QVariantMap& device);
    void onDeviceRemoved(const QString& path);

    QDBusConnection bus_;
    std::unique_ptr<ManagerProxy> manager_;
    std::unique_ptr<SessionProxy> session_;
    bool busy_ = false;
    QString user_;
    QStringList roles_;
    DeviceList devices_{this};  // a child: QML never takes it for its own
    Refusal error_;             // said in the language chosen when read
    int idleMinutes_ = 0;
    bool locked_ = false;
};

}  // namespace massho::kiosk
