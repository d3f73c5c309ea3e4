#pragma once

// Japan time of the register's times, for lists that print thousands of them. Japan keeps
// UTC+9 all year (no daylight saving since 1951), so a register time (RFC 3339 UTC with whole
// seconds and Z, clock.h) becomes Japan time by calendar arithmetic alone, without QDateTime and
// its time zone machinery per row. Text of any other shape goes to QDateTime as before, so every
// answer is QDateTime's.
#include <string>
#include <string_view>

namespace massho::records {

// "YYYY-MM-DD HH:MM:SS" in Japan of `rfc3339`, or "" when it is not a time QDateTime reads
// (Qt::ISODate).
std::string japanTime(std::string_view rfc3339);

}  // namespace massho::records
