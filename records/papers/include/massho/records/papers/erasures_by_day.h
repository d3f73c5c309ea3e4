#pragma once

// The erasures of some days in Japan, found through the register's entry keys (entry_keys.h)
// instead of a read of the whole register: `certificate batch --date` and `certificate list`.
#include <cstdint>
#include <functional>
#include <string>

#include "massho/records/register/register.h"

namespace massho::records {

// Calls `visit(index, bytes)`, in register order, for every erasure entry filed as ended on a
// UTC day from the one before `fromJst` to `toJst` (YYYY-MM-DD): a superset of those that ended
// on the JST days `fromJst`..`toJst` (UTC+9), so the caller keeps its exact test of the day.
void forEachErasureNearJstDays(const Register& log, const std::string& fromJst,
                               const std::string& toJst,
                               const std::function<void(uint64_t, const std::string&)>& visit);

}  // namespace massho::records
