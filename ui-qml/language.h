#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTranslator>

namespace massho::kiosk {

// The kiosk's language: Japanese by default, English at a touch, switched at any time (every
// qsTr() string on screen is re-read at once). The translations are compiled into the program
// (i18n/massho_kiosk_ja.ts); English is the source text.
class Language : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString current READ current WRITE setCurrent NOTIFY currentChanged)

  public:
    explicit Language(QObject* parent = nullptr);
    ~Language() override;

    QString current() const { return current_; }
    // "ja" or "en"; anything else is ignored.
    void setCurrent(const QString& language);

  signals:
    void currentChanged();

  private:
    QTranslator japanese_;
    bool installed_ = false;
    QString current_;
};

}  // namespace massho::kiosk
