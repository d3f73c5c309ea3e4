#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

#include "massho/appliance/device_monitor.h"

namespace massho::service {

// Says "look again" when whole block devices come or go (the service then lists the devices
// and signals what changed): massho_devices' monitor (udev's events where a udev daemon runs,
// /sys/block polled elsewhere) on the service's event loop. Never opens a device.
class DeviceWatch : public QObject {
    Q_OBJECT

  public:
    explicit DeviceWatch(QObject* parent = nullptr);

  signals:
    void changed();

  private:
    void readChanges();

    appliance::DeviceMonitor monitor_;
    QSocketNotifier notifier_;
};

}  // namespace massho::service
