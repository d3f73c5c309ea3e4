#include "massho/records/papers/erasures_by_day.h"

#include "massho/records/register/clock.h"
#include "massho/records/register/entry_keys.h"

namespace massho::records {
namespace {

// The UTC day before `date`, or "" (the start of time) for text that is not a date.
std::string dayBefore(const std::string& date) {
    const auto day = parseDate(date);
    return day ? formatDate(TimePoint(*day - std::chrono::days(1))) : std::string();
}

}  // namespace

void forEachErasureNearJstDays(const Register& log, const std::string& fromJst,
                               const std::string& toJst,
                               const std::function<void(uint64_t, const std::string&)>& visit) {
    // "YYYY-MM-DD" sorts before every time on that day and "YYYY-MM-DD~" after it ('~' > 'T').
    log.forEachKeyed(entry_key::ErasureEnded, dayBefore(fromJst), toJst + "~", visit);
}

}  // namespace massho::records
