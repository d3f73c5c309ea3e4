#pragma once

#include <stdexcept>
#include <string>

#include "massho/base/error.h"

namespace massho::appliance {

// Thrown when a user-given path cannot be described as an erasable block device.
class DeviceError : public base::Error {
  public:
    enum class Kind {
        NotFound,        // nothing at that path
        NotBlockDevice,  // a file, folder, character device, …
        Unsupported,     // a block device Massho does not handle (ram, zram, detached loop)
    };
    DeviceError(Kind kind, const std::string& message);
    Kind kind() const noexcept { return kind_; }

  private:
    Kind kind_;
};

}  // namespace massho::appliance
