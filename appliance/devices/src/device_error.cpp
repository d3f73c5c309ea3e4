#include "massho/appliance/device_error.h"

namespace massho::appliance {

DeviceError::DeviceError(Kind kind, const std::string& message)
    : base::Error(base::ErrorCategory::BadInput, message), kind_(kind) {}

}  // namespace massho::appliance
