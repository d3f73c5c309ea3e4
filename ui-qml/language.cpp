#include "language.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace massho::kiosk {

Language::Language(QObject* parent) : QObject(parent) {
    if (!japanese_.load(QStringLiteral(":/i18n/massho_kiosk_ja.qm")))
        qWarning("massho-kiosk: the Japanese translation is missing from the program");
    setCurrent(QStringLiteral("ja"));
}

Language::~Language() {
    if (installed_) QCoreApplication::removeTranslator(&japanese_);
}

void Language::setCurrent(const QString& language) {
    if (language == current_ || (language != "ja" && language != "en")) return;
    if (language == "ja" && !installed_)
        installed_ = QCoreApplication::installTranslator(&japanese_);
    if (language == "en" && installed_) {
        QCoreApplication::removeTranslator(&japanese_);
        installed_ = false;
    }
    current_ = language;
    // Not yet in an engine while QML constructs it: the first texts are read after this anyway.
    if (QQmlEngine* engine = qmlEngine(this)) engine->retranslate();
    emit currentChanged();
}

}  // namespace massho::kiosk
