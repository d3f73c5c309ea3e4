#pragma once

#include "dbus_types.h"
#include "massho/records/people/config.h"

namespace massho::service {

// massho.conf's settings in effect, one row each (section s, key s, value s) in massho.conf(5)'s
// order, written as the file would say them: what an administrator checks on the kiosk.
QVariantMapList policySettings(const records::Config& config);

}  // namespace massho::service
