#include "massho/operations/medium_from_device.h"

#include "massho/appliance/devices.h"

namespace massho::operations {

void fillFromDevice(records::NewMedium& m, const std::string& path) {
    appliance::GuardOptions facts;
    facts.probeCapabilities = false;  // the ledger records identity, not what the drive can do
    appliance::BlockDevice d = appliance::describeDevice(path, facts);
    m.manufacturer = d.vendor;
    m.model = d.model;
    m.serial = d.serial;
    m.sizeBytes = static_cast<int64_t>(d.sizeBytes);
    m.devicePath = d.path;
    m.mediaType = records::ledgerMediaType(d.mediaType);
    m.source = "device";
}

}  // namespace massho::operations
