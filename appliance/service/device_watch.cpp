#include "device_watch.h"

namespace massho::service {

DeviceWatch::DeviceWatch(QObject* parent)
    : QObject(parent), notifier_(monitor_.fd(), QSocketNotifier::Read) {
    connect(&notifier_, &QSocketNotifier::activated, this, &DeviceWatch::readChanges);
}

void DeviceWatch::readChanges() {
    const bool changes = !monitor_.readChanges().empty();
    const bool differs = monitor_.present() != listed_ && monitor_.present() != askedFor_;
    if (!changes && !differs) return;
    // Asked once per set of present disks: a disk the listing cannot describe never makes the
    // service list (and probe) every disk every second.
    askedFor_ = monitor_.present();
    emit changed();
}

}  // namespace massho::service
