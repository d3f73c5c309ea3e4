#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

#include "refusal.h"

class ManagerProxy;
class SessionProxy;

namespace massho::kiosk {

// A second person at the same kiosk — a data manager approving, a records officer issuing a
// certificate — without logging the first one out. masshod gives each Login on a connection a
// session of its own (up to four per connection, appliance/service/service.cpp), so the second
// person's calls carry their own identity, and the service's rules (never one's own request,
// roles) apply to them as to anyone. Ends with logOut() or when the view that needed it goes.
class SecondPerson : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(QStringList roles READ roles NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

  public:
    explicit SecondPerson(QObject* parent = nullptr);
    ~SecondPerson() override;

    bool busy() const { return busy_; }
    bool loggedIn() const { return session_ != nullptr && !user_.isEmpty(); }
    QString user() const { return user_; }
    QStringList roles() const { return roles_; }
    QString error() const { return error_.text(); }
    SessionProxy* session() const { return loggedIn() ? session_.get() : nullptr; }

    Q_INVOKABLE void logIn(const QString& user, const QString& password);
    Q_INVOKABLE void logOut();

  signals:
    void changed();

  private:
    void readSession(const QString& path);

    std::unique_ptr<ManagerProxy> manager_;
    std::unique_ptr<SessionProxy> session_;
    bool busy_ = false;
    QString user_;
    QStringList roles_;
    Refusal error_;  // said in the language chosen when read
};

}  // namespace massho::kiosk
