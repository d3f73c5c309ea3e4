#include "json_output.h"

#include <QJsonDocument>
#include <cstdio>

namespace massho::cli {

void printJson(const QJsonObject& result) {
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
}

void printJson(const QJsonArray& result) {
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
}

void printJsonIndented(const QJsonArray& list) {
    std::fputs(QJsonDocument(list).toJson(QJsonDocument::Indented).constData(), stdout);
}

}  // namespace massho::cli
