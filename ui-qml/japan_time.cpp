#include "japan_time.h"

#include <QDateTime>

namespace massho::kiosk {

namespace {

constexpr int kJapanOffsetSeconds = 9 * 3600;

// The time in Japan, or an invalid QDateTime when `rfc3339` is not a time with its zone.
QDateTime inJapan(const QString& rfc3339) {
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) return {};  // no zone: not the service's
    return t.toOffsetFromUtc(kJapanOffsetSeconds);
}

}  // namespace

JapanTime::JapanTime(QObject* parent) : QObject(parent) {}

QString JapanTime::dateTime(const QString& rfc3339) {
    const QDateTime t = inJapan(rfc3339);
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" JST")
                       : rfc3339;
}

QString JapanTime::date(const QString& rfc3339) {
    const QDateTime t = inJapan(rfc3339);
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd")) : rfc3339;
}

QString JapanTime::today(int daysBack) {
    return QDateTime::currentDateTimeUtc()
        .toOffsetFromUtc(kJapanOffsetSeconds)
        .date()
        .addDays(-daysBack)
        .toString(QStringLiteral("yyyy-MM-dd"));
}

}  // namespace massho::kiosk
