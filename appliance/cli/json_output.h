#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <cstdint>
#include <optional>

namespace massho::cli {

// Every --json output goes through Qt's JSON writer (escaping, UTF-8, numbers): one compact
// document on one line of standard output for a result, an indented one for a list a person
// may read too (`methods`, `user list`, `request list`).
void printJson(const QJsonObject& result);
void printJson(const QJsonArray& result);
void printJsonIndented(const QJsonArray& list);

// A register index or count as a JSON number; absent → null.
inline QJsonValue jsonNumber(uint64_t value) {
    return static_cast<qint64>(value);
}
inline QJsonValue jsonNumber(const std::optional<uint64_t>& value) {
    return value ? jsonNumber(*value) : QJsonValue(QJsonValue::Null);
}

}  // namespace massho::cli
