#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QStringList>
#include <memory>

#include "desk.h"

class ManagerProxy;
class SessionProxy;

namespace massho::kiosk {

// A second person at the same kiosk — a data manager approving, a records officer issuing a
// certificate — without logging the first one out. masshod gives each Login on a connection a
// session of its own (up to four per connection, appliance/service/service.cpp), so the second
// person's calls carry their own identity, and the service's rules (never one's own request,
// roles) apply to them as to anyone. Ends with logOut() or when the view that needed it goes.
// A Desk without a client: its calls go out on the kiosk's own connection.
class SecondPerson : public Desk {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(QStringList roles READ roles NOTIFY changed)

  public:
    explicit SecondPerson(QObject* parent = nullptr);
    ~SecondPerson() override;

    bool loggedIn() const { return session_ != nullptr && !user_.isEmpty(); }
    QString user() const { return user_; }
    QStringList roles() const { return roles_; }
    SessionProxy* session() const { return loggedIn() ? session_.get() : nullptr; }

    Q_INVOKABLE void logIn(const QString& user, const QString& password);
    Q_INVOKABLE void logOut();

  signals:
    void changed();

  private:
    void readSession(const QString& path);

    std::unique_ptr<ManagerProxy> manager_;
    std::unique_ptr<SessionProxy> session_;
    QString user_;
    QStringList roles_;
};

}  // namespace massho::kiosk
