#include "udev_events.h"

#include "massho/base/error.h"

namespace massho::appliance::detail {
namespace {

struct DeviceDeleter {
    void operator()(udev_device* d) const { udev_device_unref(d); }
};

// A monitor socket's default buffer (~200 KiB) can overflow when a hub with many disks appears;
// a lost event would be a disk the owner never hears of.
constexpr int kReceiveBufferBytes = 4 * 1024 * 1024;

}  // namespace

UdevEvents::UdevEvents() : context_(udev_new()) {
    if (context_) monitor_.reset(udev_monitor_new_from_netlink(context_.get(), "udev"));
    udev_monitor* monitor = monitor_.get();
    if (!monitor || udev_monitor_filter_add_match_subsystem_devtype(monitor, "block", "disk") < 0 ||
        udev_monitor_enable_receiving(monitor) < 0 || udev_monitor_get_fd(monitor) < 0)
        throw base::Error(base::ErrorCategory::Failed, "cannot set up libudev's device monitor");
    udev_monitor_set_receive_buffer_size(monitor, kReceiveBufferBytes);  // best effort
}

int UdevEvents::fd() const {
    return udev_monitor_get_fd(monitor_.get());
}

std::vector<UdevEvent> UdevEvents::drain() {
    std::vector<UdevEvent> events;
    while (true) {
        std::unique_ptr<udev_device, DeviceDeleter> device(
            udev_monitor_receive_device(monitor_.get()));
        if (!device) break;  // nothing more waiting (the socket is non-blocking)
        const char* name = udev_device_get_sysname(device.get());
        const char* action = udev_device_get_action(device.get());
        if (name && action) events.push_back({name, action});
    }
    return events;
}

}  // namespace massho::appliance::detail
