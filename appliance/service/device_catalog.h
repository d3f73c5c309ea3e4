#pragma once

#include <QString>
#include <QVariantMap>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dbus_types.h"
#include "massho/appliance/block_device.h"
#include "massho/appliance/devices.h"

namespace massho::service {

// The devices the service has listed: GetDevices' answer, and the only paths a session may name
// (a path the service did not list is never opened, whatever the caller sends). Discovery and the
// guard are massho_devices' (run on the lister's thread, device_lister.h); this keeps the last
// listing and says what changed since. Main thread only.
class DeviceCatalog {
  public:
    // `protectedPaths`: folders whose device is never eligible (the data directory).
    // `probeDrives`: send identify commands to learn a drive's own erase commands (massho.conf
    // [devices] probe).
    DeviceCatalog(std::vector<std::filesystem::path> protectedPaths, bool probeDrives);

    struct Changes {
        std::vector<appliance::BlockDevice> added;
        std::vector<std::string> removed;  // paths
    };
    // The options of the next listing: the listed devices at `heldPaths` (a job holds them) are
    // not probed again.
    appliance::GuardOptions listingOptions(const std::set<QString>& heldPaths) const;
    // Takes a listing made with `options` and says which devices appeared and which went. A disk
    // it did not probe keeps what the last probe of it found (its table, filesystems,
    // capabilities).
    Changes update(std::vector<appliance::BlockDevice> listed,
                   const appliance::GuardOptions& options);

    const std::map<std::string, appliance::BlockDevice>& devices() const { return devices_; }
    // The listed device at `path`; throws ServiceError NotFound otherwise.
    const appliance::BlockDevice& listed(const QString& path) const;

    // One GetDevices element / DeviceAdded argument (masshod(8)).
    static QVariantMap describe(const appliance::BlockDevice& device);
    // GetMethods' answer for a listed device: every catalog method with its NIST SP 800-88
    // level on this kind of medium, the recommended one marked.
    static QVariantMapList methodsFor(const appliance::BlockDevice& device);

  private:
    std::vector<std::filesystem::path> protectedPaths_;
    bool probeDrives_;
    std::map<std::string, appliance::BlockDevice> devices_;
};

}  // namespace massho::service
