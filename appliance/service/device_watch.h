#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>
#include <set>
#include <string>

#include "massho/appliance/device_monitor.h"

namespace massho::service {

// Says "look again" when whole block devices come or go (the service then lists the devices
// and signals what changed): massho_devices' monitor (udev's events where a udev daemon runs,
// /sys/block polled elsewhere) on the service's event loop. Never opens a device.
class DeviceWatch : public QObject {
    Q_OBJECT

  public:
    explicit DeviceWatch(QObject* parent = nullptr);

    // The disks the service listed last (by name): a wake-up that finds the present ones
    // differ says "look again" even when the monitor saw no change itself — a disk listed by
    // GetDevices and pulled before the monitor's next look is not missed.
    void setListed(std::set<std::string> names) { listed_ = std::move(names); }

  signals:
    void changed();

  private:
    void readChanges();

    appliance::DeviceMonitor monitor_;
    QSocketNotifier notifier_;
    std::set<std::string> listed_;
    std::set<std::string> askedFor_;
};

}  // namespace massho::service
