#pragma once

#include <string>

#include "sysfs.h"

namespace massho::appliance::detail {

// Identification udev's rules attach to a disk (ID_SERIAL_SHORT, ID_MODEL, ID_VENDOR). Empty where
// no udev daemon runs (libudev then enumerates but has no ID_* properties).
struct UdevIds {
    std::string serial;
    std::string model;
    std::string vendor;
};

UdevIds readUdevIds(DevNumber dev);

}  // namespace massho::appliance::detail
