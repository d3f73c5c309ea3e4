#include "massho/records/papers/japan_time.h"

#include <QDateTime>
#include <chrono>
#include <optional>

namespace massho::records {
namespace {

constexpr auto kJapanOffset = std::chrono::hours(9);

std::optional<unsigned> digits(std::string_view s, size_t at, size_t count) {
    unsigned value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return value;
}

// A register time, YYYY-MM-DDTHH:MM:SSZ within the years the appliance records (2000-2199):
// the moment, or nullopt for anything else.
std::optional<std::chrono::sys_seconds> registerTime(std::string_view t) {
    using namespace std::chrono;
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
        t[16] != ':' || t[19] != 'Z')
        return std::nullopt;
    const auto y = digits(t, 0, 4), mo = digits(t, 5, 2), d = digits(t, 8, 2);
    const auto h = digits(t, 11, 2), mi = digits(t, 14, 2), s = digits(t, 17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *y < 2000 || *y > 2199 || *h > 23 || *mi > 59 ||
        *s > 59)
        return std::nullopt;
    const year_month_day day{year{static_cast<int>(*y)}, month{*mo}, std::chrono::day{*d}};
    if (!day.ok()) return std::nullopt;
    return sys_days(day) + hours(*h) + minutes(*mi) + seconds(*s);
}

void appendTwo(std::string& out, unsigned v) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

std::string qtJapanTime(std::string_view rfc3339) {
    const QDateTime t = QDateTime::fromString(
        QString::fromUtf8(rfc3339.data(), static_cast<qsizetype>(rfc3339.size())), Qt::ISODate);
    return t.isValid() ? t.toOffsetFromUtc(9 * 3600).toString("yyyy-MM-dd HH:mm:ss").toStdString()
                       : std::string();
}

}  // namespace

std::string japanTime(std::string_view rfc3339) {
    using namespace std::chrono;
    const auto utc = registerTime(rfc3339);
    if (!utc) return qtJapanTime(rfc3339);
    const sys_seconds japan = *utc + kJapanOffset;
    const sys_days day = floor<days>(japan);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{japan - day};
    std::string out;
    out.reserve(19);
    const unsigned y = static_cast<unsigned>(static_cast<int>(ymd.year()));
    appendTwo(out, y / 100);
    appendTwo(out, y % 100);
    out += '-';
    appendTwo(out, static_cast<unsigned>(ymd.month()));
    out += '-';
    appendTwo(out, static_cast<unsigned>(ymd.day()));
    out += ' ';
    appendTwo(out, static_cast<unsigned>(hms.hours().count()));
    out += ':';
    appendTwo(out, static_cast<unsigned>(hms.minutes().count()));
    out += ':';
    appendTwo(out, static_cast<unsigned>(hms.seconds().count()));
    return out;
}

}  // namespace massho::records
