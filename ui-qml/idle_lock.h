#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QTimer>

namespace massho::kiosk {

// Says `idle()` when nobody has touched the screen (or pressed a key) for `interval` ms while
// `active`: the kiosk then locks (ApplianceClient::lock). It watches the whole application's input,
// so that any touch anywhere counts, and needs nothing that hovers.
class IdleLock : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)

  public:
    explicit IdleLock(QObject* parent = nullptr);
    ~IdleLock() override;

    bool active() const { return active_; }
    void setActive(bool active);
    int interval() const { return timer_.interval(); }
    void setInterval(int milliseconds);

  signals:
    void activeChanged();
    void intervalChanged();
    void idle();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void restart();

    QTimer timer_;
    bool active_ = false;
};

}  // namespace massho::kiosk
