#pragma once

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "massho/appliance/system_paths.h"

namespace massho::appliance {

namespace detail {
class UdevEvents;
class PollTimer;
}  // namespace detail

// A whole disk that came or went, as discoverDevices() would see it: a loop device counts as
// added when something is attached to it (and as removed when it is detached), although
// /sys/block/loopN and /dev/loopN stay either way.
struct DeviceChange {
    enum class Kind { Added, Removed };
    Kind kind = Kind::Added;
    std::string path;  // /dev/NAME
    std::string name;  // NAME as in /sys/block
    bool operator==(const DeviceChange&) const = default;
};

struct DeviceMonitorOptions {
    enum class Source {
        // udev's events where a udev daemon runs (udevDaemonRuns()) on the real system, otherwise
        // polling /sys/block.
        Automatic,
        // Always poll /sys/block (a fake tree is always polled).
        Polling,
    };
    Source source = Source::Automatic;
    // How often /sys/block is read when polling.
    std::chrono::milliseconds pollInterval{1000};
};

// Tells its owner when a whole block device appears or disappears, without threads and without Qt:
// the owner waits for fd() to become readable (poll(2), a QSocketNotifier, …) and then calls
// readChanges(). Where a udev daemon runs, fd() is libudev's monitor of block disks ("udev"
// netlink group, after udev's rules made the /dev node); elsewhere it is a timerfd that fires
// every pollInterval and /sys/block is read again. Either way "present" is decided by the rule
// discoverDevices() uses, so the two always agree. Reads sysfs only: never opens a block device.
// Throws base::Error (Failed) when neither source can be set up.
class DeviceMonitor {
  public:
    explicit DeviceMonitor(SystemPaths paths = {}, DeviceMonitorOptions options = {});
    ~DeviceMonitor();
    DeviceMonitor(DeviceMonitor&&) noexcept;
    DeviceMonitor& operator=(DeviceMonitor&&) noexcept;

    // Readable when changes may be waiting; owned by the monitor (never close it).
    int fd() const;
    // What changed since the last call (or since construction), in the order it happened:
    // removals before additions within one sysfs reading. Never blocks; empty when nothing
    // changed (a wake-up does not promise a change).
    std::vector<DeviceChange> readChanges();

    bool usesUdev() const { return udev_ != nullptr; }
    // The whole disks present as of the last readChanges() (at first: at construction), by name.
    const std::set<std::string>& present() const { return present_; }

  private:
    void note(const std::string& name, bool isPresent, std::vector<DeviceChange>& changes);
    std::vector<DeviceChange> changesFromUdev();
    std::vector<DeviceChange> changesFromSysfs();

    SystemPaths paths_;
    std::set<std::string> present_;
    std::unique_ptr<detail::UdevEvents> udev_;
    std::unique_ptr<detail::PollTimer> timer_;
};

// True when a udev daemon runs, i.e. /run/udev/control (its control socket) exists. libudev's
// monitor makes the same test: without a daemon it delivers nothing on the "udev" group, and the
// raw kernel group is no substitute (its events come before the /dev node exists, and a container
// may not be sent them at all), so the monitor polls sysfs instead.
bool udevDaemonRuns();

}  // namespace massho::appliance
