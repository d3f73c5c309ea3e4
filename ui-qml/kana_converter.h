#pragma once

#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <memory>

#include "kana_dictionary.h"

namespace massho::kiosk {

// The reading being typed on the kana keys and its candidates (TextKeyboard.qml): the
// dictionary's (KanaDictionary), then the reading itself in hiragana and in katakana, so that
// every reading can be written even where the dictionary has no entry.
// The dictionary is read once on a worker thread (0.1–0.16 s for SKK-JISYO.L; the window
// shows meanwhile); a lookup is a binary search done on the UI thread (microseconds, see
// tests/ui-qml/kana_dictionary_bench.cpp). When it cannot be read, `failed` says so with
// `error`, and the keyboard offers Latin letters only.
class KanaConverter : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY pathChanged)
    Q_PROPERTY(bool available READ available NOTIFY stateChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString reading READ reading NOTIFY readingChanged)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY readingChanged)

  public:
    explicit KanaConverter(QObject* parent = nullptr);
    ~KanaConverter() override;

    QString path() const { return path_; }
    void setPath(const QString& path);
    bool available() const { return dictionary_ != nullptr; }
    bool failed() const { return !error_.isEmpty(); }
    QString error() const { return error_; }
    QString reading() const { return reading_; }
    QStringList candidates() const { return candidates_; }

    // A kana key: the kana joins the reading.
    Q_INVOKABLE void type(const QString& kana);
    // ゛ ゜ 小 on the reading's last kana: "voiced", "semi-voiced" or "small".
    Q_INVOKABLE void mark(const QString& which);
    // Takes the reading's last kana back; false when there was none (the field's own text is
    // then the one to delete from).
    Q_INVOKABLE bool eraseLast();
    Q_INVOKABLE void clear();

    void classBegin() override {}
    void componentComplete() override;

  signals:
    void pathChanged();
    void stateChanged();
    void readingChanged();

  private:
    struct Loaded {
        std::shared_ptr<const KanaDictionary> dictionary;
        QString error;
    };
    void load();
    void setReading(const QString& reading);

    QString path_ = QString::fromLatin1(KanaDictionary::kDebianPath);
    bool complete_ = false;
    std::shared_ptr<const KanaDictionary> dictionary_;
    QString error_;
    QFutureWatcher<Loaded> loading_;
    QString reading_;
    QStringList candidates_;
};

}  // namespace massho::kiosk
