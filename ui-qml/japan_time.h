#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>

namespace massho::kiosk {

// Times as the city reads them: the service sends RFC 3339 UTC ("2026-12-03T02:04:05Z"), and the
// kiosk shows Japan time with the zone marked ("2026-12-03 11:04:05 JST"), as the certificates
// and reports do (records/papers). Japan keeps no daylight saving time: UTC+9 all year. The
// service's dates (a search's period, a report's day) are Japan dates too.
class JapanTime : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

  public:
    explicit JapanTime(QObject* parent = nullptr);

    // "YYYY-MM-DD HH:MM:SS JST"; a text that is not a time is given back as it is ("" stays "").
    Q_INVOKABLE static QString dateTime(const QString& rfc3339);
    // "YYYY-MM-DD", the day in Japan; a text that is not a time is given back as it is.
    Q_INVOKABLE static QString date(const QString& rfc3339);
    // The day in Japan `daysBack` days before today, "YYYY-MM-DD".
    Q_INVOKABLE static QString today(int daysBack = 0);
};

}  // namespace massho::kiosk
