#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace massho::records {

using TimePoint = std::chrono::system_clock::time_point;
// Injectable clock so that tests (and replays) control every timestamp written to the register.
using Clock = std::function<TimePoint()>;

Clock systemClock();

// RFC 3339 UTC with whole seconds and `Z`, e.g. 2026-11-25T18:20:00Z.
std::string formatRfc3339(TimePoint t);
// The UTC calendar date, YYYY-MM-DD.
std::string formatDate(TimePoint t);
// True for a valid calendar date written as YYYY-MM-DD.
bool isValidDate(const std::string& date);

}  // namespace massho::records
