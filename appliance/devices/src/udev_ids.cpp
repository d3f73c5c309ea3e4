#include "udev_ids.h"

#include <libudev.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <memory>

namespace massho::appliance::detail {
namespace {

struct UdevDeleter {
    void operator()(udev* u) const { udev_unref(u); }
    void operator()(udev_device* d) const { udev_device_unref(d); }
};
using UdevHandle = std::unique_ptr<udev, UdevDeleter>;
using UdevDeviceHandle = std::unique_ptr<udev_device, UdevDeleter>;

std::string property(udev_device* device, const char* key) {
    const char* value = udev_device_get_property_value(device, key);
    return value ? std::string(value) : std::string();
}

// udev writes spaces in ID_MODEL/ID_VENDOR as underscores.
std::string spaced(std::string text) {
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

}  // namespace

UdevIds readUdevIds(DevNumber dev) {
    UdevIds ids;
    UdevHandle context(udev_new());
    if (!context) return ids;
    UdevDeviceHandle device(
        udev_device_new_from_devnum(context.get(), 'b', makedev(dev.major, dev.minor)));
    if (!device) return ids;
    ids.serial = property(device.get(), "ID_SERIAL_SHORT");
    ids.model = spaced(property(device.get(), "ID_MODEL"));
    ids.vendor = spaced(property(device.get(), "ID_VENDOR"));
    return ids;
}

}  // namespace massho::appliance::detail
