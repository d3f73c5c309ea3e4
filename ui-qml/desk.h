#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>

#include "appliance_client.h"
#include "refusal.h"
#include "when_answered.h"

class SessionProxy;

namespace massho::kiosk {

// What every view model over the service has in common: the client (whose session it acts in),
// whether an answer is awaited (busy), and the service's last refusal, said in the language
// chosen when read (error) with its stable reason key (errorKey, masshod(8) "Reasons"; "" for
// the kiosk's own messages). call() sends an asynchronous D-Bus call and handles its answer on
// the UI thread: busy until it comes, a refusal kept as the error, the reply given to `done`.
class Desk : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(ApplianceClient* client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorKey READ errorKey NOTIFY errorChanged)

  public:
    explicit Desk(QObject* parent = nullptr);

    ApplianceClient* client() const { return client_.data(); }
    void setClient(ApplianceClient* client);
    bool busy() const { return pending_ > 0; }
    QString error() const { return error_.text(); }
    QString errorKey() const { return error_.key(); }

  signals:
    void clientChanged();
    void busyChanged();
    void errorChanged();

  protected:
    // The session of the person logged in now, or none.
    SessionProxy* session() const;
    void setError(const Refusal& error);
    // Called after the client changed (QML may set it after the desk's other properties).
    virtual void clientSet() {}

    // Busy until `reply` is answered; then `done(reply)`, or the refusal kept and `failed()`.
    template <typename Reply, typename Done, typename Failed>
    void call(const Reply& reply, Done done, Failed failed) {
        setPending(pending_ + 1);
        whenAnswered(this, reply, [this, done, failed](const Reply& answer) {
            if (answer.isError()) {
                setError(Refusal::of(answer));
                failed();
            } else {
                done(answer);
            }
            setPending(pending_ - 1);
        });
    }
    template <typename Reply, typename Done>
    void call(const Reply& reply, Done done) {
        call(reply, done, [] {});
    }
    // A look-up in the background (lists, plans): not busy meanwhile, a refusal kept.
    template <typename Reply, typename Done>
    void read(const Reply& reply, Done done) {
        whenAnswered(this, reply, [this, done](const Reply& answer) {
            if (answer.isError())
                setError(Refusal::of(answer));
            else
                done(answer);
        });
    }

  private:
    void setPending(int pending);

    QPointer<ApplianceClient> client_;
    int pending_ = 0;  // calls sent and not yet answered
    Refusal error_;
};

}  // namespace massho::kiosk
