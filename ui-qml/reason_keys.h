#pragma once

#include <vector>

namespace massho::kiosk {

// The service's reason keys the kiosk says in Japanese (masshod(8), "Reasons"; refusal.h).
const std::vector<const char*>& reasonKeys();

}  // namespace massho::kiosk
