// Japan time by calendar arithmetic (japan_time.h) gives what QDateTime gave for every register
// time, across days, months, leap days and years, and hands every other shape to QDateTime.
#include "massho/records/papers/japan_time.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <chrono>

#include "massho/records/register/clock.h"

namespace massho::records::test {
namespace {

std::string qtJapanTime(const std::string& rfc3339) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(rfc3339), Qt::ISODate);
    return t.isValid() ? t.toOffsetFromUtc(9 * 3600).toString("yyyy-MM-dd HH:mm:ss").toStdString()
                       : std::string();
}

TEST(JapanTime, EqualsQDateTimeForEveryHourOfYearsAndTheirEdges) {
    using namespace std::chrono;
    // Every 37 minutes 13 seconds from 2000 to 2030 (leap days, month and year ends included
    // at various times of day), and the last hours the appliance may record.
    for (sys_seconds t = sys_days(2000y / 1 / 1); t < sys_days(2030y / 1 / 1); t += 2233s) {
        const std::string text = formatRfc3339(t);
        ASSERT_EQ(japanTime(text), qtJapanTime(text)) << text;
    }
    for (const char* text : {"2024-02-28T15:00:00Z", "2024-02-29T14:59:59Z", "2024-02-29T15:00:00Z",
                             "2100-02-28T15:00:00Z", "2199-12-31T14:59:59Z", "2199-12-31T15:00:00Z",
                             "2000-01-01T00:00:00Z", "2025-12-31T15:00:00Z"})
        EXPECT_EQ(japanTime(text), qtJapanTime(text)) << text;
    EXPECT_EQ(japanTime("2025-12-31T15:00:00Z"), "2026-01-01 00:00:00");
}

TEST(JapanTime, OtherShapesAreQDateTimesAnswer) {
    for (const char* text :
         {"", "not a time", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-01T24:00:00Z",
          "2026-03-01T23:60:00Z", "2026-03-01T23:59:60Z", "2026-03-01T10:00:00+09:00",
          "2026-03-01T10:00:00.250Z", "2026-03-01T10:00:00", "1999-12-31T20:00:00Z",
          "2200-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-03-01t10:00:00Z",
          "2026-03-01T1a:00:00Z", "+2026-03-01T10:00:00Z"})
        EXPECT_EQ(japanTime(text), qtJapanTime(text)) << text;
    EXPECT_EQ(japanTime("2026-03-01T10:00:00+09:00"), "2026-03-01 10:00:00");
    EXPECT_EQ(japanTime("2026-02-30T00:00:00Z"), "");
}

}  // namespace
}  // namespace massho::records::test
