#include "massho/records/register/device_identity.h"

namespace massho::records {

bool DeviceIdentity::sameMedium(const DeviceIdentity& actual) const {
    if (!serial.empty()) return serial == actual.serial;
    return actual.serial.empty() && path == actual.path && model == actual.model &&
           sizeBytes == actual.sizeBytes;
}

std::string DeviceIdentity::describe() const {
    return (serial.empty() ? path + " without serial" : "serial " + serial) + " (" + model + ", " +
           std::to_string(sizeBytes) + " bytes)";
}

std::string deviceModel(const std::string& vendor, const std::string& model) {
    return vendor.empty() ? model : vendor + " " + model;
}

}  // namespace massho::records
