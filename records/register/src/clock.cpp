#include "massho/records/register/clock.h"

#include <cstdio>

namespace massho::records {

Clock systemClock() {
    return [] { return std::chrono::system_clock::now(); };
}

std::string formatRfc3339(TimePoint t) {
    using namespace std::chrono;
    auto seconds = floor<std::chrono::seconds>(t);
    auto day = floor<days>(seconds);
    year_month_day ymd{day};
    hh_mm_ss hms{seconds - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string formatDate(TimePoint t) {
    return formatRfc3339(t).substr(0, 10);
}

std::optional<std::chrono::sys_days> parseDate(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return std::nullopt;
    // Digits only, at most four: no overflow, so no sscanf (which cannot report one).
    auto number = [&](size_t at, size_t length) {
        unsigned value = 0;
        for (size_t i = at; i < at + length; ++i)
            value = value * 10 + static_cast<unsigned>(date[i] - '0');
        return value;
    };
    const int y = static_cast<int>(number(0, 4));
    const unsigned m = number(5, 2), d = number(8, 2);
    // Same width, so the strings compare like the dates.
    if (date < kFirstDate || date > kLastDate) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
}

bool isValidDate(const std::string& date) {
    return parseDate(date).has_value();
}

}  // namespace massho::records
