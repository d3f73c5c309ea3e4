#pragma once

#include <chrono>
#include <functional>
#include <optional>
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
// The dates a person may type. A TimePoint counts nanoseconds in 64 bits and overflows after
// 2262-04-11, where a later date would silently become one in 1677; nothing the appliance records
// falls before 2000. For messages: "… is not a date written as " + kDateRule.
inline constexpr const char* kFirstDate = "2000-01-01";
inline constexpr const char* kLastDate = "2199-12-31";
inline constexpr const char* kDateRule = "YYYY-MM-DD from 2000-01-01 to 2199-12-31";
// True for a valid calendar date written as YYYY-MM-DD, from kFirstDate to kLastDate.
bool isValidDate(const std::string& date);
// The day `date` names, when isValidDate(date); the one date parser.
std::optional<std::chrono::sys_days> parseDate(const std::string& date);

}  // namespace massho::records
