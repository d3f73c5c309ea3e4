#pragma once

#include <memory>

#include "records_proxy.h"
#include "session_proxy.h"

namespace massho::kiosk {

// org.massho.Appliance1.Records of a session: its SESSION/records object on the same connection.
// Shared, so that a pending call's answer can keep it alive.
inline std::shared_ptr<RecordsProxy> recordsOf(const SessionProxy& session) {
    return std::make_shared<RecordsProxy>(
        session.service(), session.path() + QStringLiteral("/records"), session.connection());
}

}  // namespace massho::kiosk
