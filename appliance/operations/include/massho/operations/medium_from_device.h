#pragma once

#include <string>

#include "massho/records/ledger/media_ledger.h"

namespace massho::operations {

// A ledger row's hardware fields read from an attached device (manufacturer, model, serial,
// size, type), never typed: what erasures and carry-outs will match it by. The path is kept
// only for a device without a serial (records::DeviceIdentity). Throws appliance::DeviceError.
void fillFromDevice(records::NewMedium& medium, const std::string& devicePath);

}  // namespace massho::operations
