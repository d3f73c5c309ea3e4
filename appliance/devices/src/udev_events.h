#pragma once

#include <libudev.h>

#include <memory>
#include <string>
#include <vector>

namespace massho::appliance::detail {

// One event of libudev's monitor: a whole disk, and what happened to it.
struct UdevEvent {
    std::string name;    // sysname, as in /sys/block
    std::string action;  // add, remove, change, …
};

// libudev's monitor of whole block disks ("udev" netlink group: events udevd re-broadcasts after
// its rules ran, so /dev/NAME exists when "add" arrives). Its socket is non-blocking.
class UdevEvents {
  public:
    // Throws base::Error (Failed) when libudev cannot set the monitor up (no netlink here, …).
    UdevEvents();

    int fd() const;
    // Every event waiting, oldest first; never blocks.
    std::vector<UdevEvent> drain();

  private:
    struct Deleter {
        void operator()(udev* u) const { udev_unref(u); }
        void operator()(udev_monitor* m) const { udev_monitor_unref(m); }
    };
    std::unique_ptr<udev, Deleter> context_;
    std::unique_ptr<udev_monitor, Deleter> monitor_;
};

}  // namespace massho::appliance::detail
