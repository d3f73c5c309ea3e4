#pragma once

#include <QObject>
#include <QTimer>
#include <string>

namespace massho::service {

// Notices block devices coming and going and says "look again" (the service then lists the
// devices and signals what changed). Polls the names and sizes under /sys/block once a second:
// cheap (no device is opened or probed), and it works where no udev daemon runs.
class DeviceWatch : public QObject {
    Q_OBJECT

  public:
    explicit DeviceWatch(QObject* parent = nullptr);

  signals:
    void changed();

  private:
    void poll();

    QTimer timer_;
    std::string lastSeen_;
};

}  // namespace massho::service
