#include "massho/appliance/device_error.h"

namespace massho::appliance {

DeviceError::DeviceError(Kind kind, const std::string& message)
    : std::runtime_error(message), kind_(kind) {}

}  // namespace massho::appliance
