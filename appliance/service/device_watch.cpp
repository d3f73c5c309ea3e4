#include "device_watch.h"

namespace massho::service {

DeviceWatch::DeviceWatch(QObject* parent)
    : QObject(parent), notifier_(monitor_.fd(), QSocketNotifier::Read) {
    connect(&notifier_, &QSocketNotifier::activated, this, &DeviceWatch::readChanges);
}

void DeviceWatch::readChanges() {
    if (!monitor_.readChanges().empty()) emit changed();
}

}  // namespace massho::service
