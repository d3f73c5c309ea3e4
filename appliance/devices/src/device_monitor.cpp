#include "massho/appliance/device_monitor.h"

#include <unistd.h>

#include "device_index.h"
#include "massho/base/error.h"
#include "poll_timer.h"
#include "udev_events.h"

namespace massho::appliance {

bool udevDaemonRuns() {
    return access("/run/udev/control", F_OK) == 0;
}

namespace {

// udev's events describe the real machine only: a fake tree is always polled.
bool wantsUdev(const SystemPaths& paths, const DeviceMonitorOptions& options) {
    return options.source == DeviceMonitorOptions::Source::Automatic && paths.isRealSystem() &&
           udevDaemonRuns();
}

}  // namespace

DeviceMonitor::DeviceMonitor(SystemPaths paths, DeviceMonitorOptions options)
    : paths_(std::move(paths)) {
    if (wantsUdev(paths_, options)) {
        try {
            udev_ = std::make_unique<detail::UdevEvents>();
        } catch (const base::Error&) {
            // No netlink socket here (a sandbox): polling still sees every disk, only later.
        }
    }
    if (!udev_) timer_ = std::make_unique<detail::PollTimer>(options.pollInterval);
    // Listening before the first reading: a disk that comes in between is not missed (it is in
    // the reading, and its event then changes nothing).
    for (std::string& name : detail::listedDiskNames(paths_)) present_.insert(std::move(name));
}

DeviceMonitor::~DeviceMonitor() = default;
DeviceMonitor::DeviceMonitor(DeviceMonitor&&) noexcept = default;
DeviceMonitor& DeviceMonitor::operator=(DeviceMonitor&&) noexcept = default;

int DeviceMonitor::fd() const {
    return udev_ ? udev_->fd() : timer_->fd();
}

std::vector<DeviceChange> DeviceMonitor::readChanges() {
    return udev_ ? changesFromUdev() : changesFromSysfs();
}

void DeviceMonitor::note(const std::string& name, bool isPresent,
                         std::vector<DeviceChange>& changes) {
    if (isPresent == present_.contains(name)) return;
    if (isPresent) {
        present_.insert(name);
    } else {
        present_.erase(name);
    }
    changes.push_back({isPresent ? DeviceChange::Kind::Added : DeviceChange::Kind::Removed,
                       "/dev/" + name, name});
}

// An event only says which disk to look at again: a loop device's attach and detach are "change"
// events, and whether it now counts is what sysfs says, by discovery's rule. A "remove" may
// arrive while the kernel is still taking the sysfs folder down, so it is believed as it is.
std::vector<DeviceChange> DeviceMonitor::changesFromUdev() {
    std::vector<DeviceChange> changes;
    for (const detail::UdevEvent& event : udev_->drain()) {
        note(event.name, event.action != "remove" && detail::isListedDisk(paths_, event.name),
             changes);
    }
    return changes;
}

std::vector<DeviceChange> DeviceMonitor::changesFromSysfs() {
    timer_->consume();
    const std::vector<std::string> listed = detail::listedDiskNames(paths_);
    const std::set<std::string> now(listed.begin(), listed.end());
    std::vector<DeviceChange> changes;
    const std::set<std::string> before = present_;
    for (const std::string& name : before) {
        if (!now.contains(name)) note(name, false, changes);
    }
    for (const std::string& name : now) note(name, true, changes);
    return changes;
}

}  // namespace massho::appliance
