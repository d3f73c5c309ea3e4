#pragma once

#include <memory>

#include "carry_proxy.h"
#include "session_proxy.h"

namespace massho::kiosk {

// org.massho.Appliance1.Carry of a session: the same object on the same connection as its
// Session interface. Shared, so that a pending call's answer can keep it alive.
inline std::shared_ptr<CarryProxy> carryOf(const SessionProxy& session) {
    return std::make_shared<CarryProxy>(session.service(), session.path(), session.connection());
}

}  // namespace massho::kiosk
