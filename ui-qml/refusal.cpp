#include "refusal.h"

#include <QCoreApplication>
#include <QEvent>
#include <memory>

namespace massho::kiosk {

namespace {

// %1…%9 replaced by the arguments; a placeholder without its argument stays as it is, and an
// argument the translation leaves out is simply not said (no QString::arg warnings either way).
QString withArguments(const QString& text, const QStringList& args) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1) >= QLatin1Char('1') &&
            text.at(i + 1) <= QLatin1Char('9')) {
            const int index = text.at(i + 1).unicode() - '1';
            if (index < args.size()) {
                out += args.at(index);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// Sees QEvent::LanguageChange, which QCoreApplication sends itself when a translator is installed
// or removed.
class LanguageChangeFilter : public QObject {
    Q_OBJECT

  public:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
            emit changed();
        return false;
    }

  signals:
    void changed();
};

LanguageChangeFilter& languageChanges() {
    static LanguageChangeFilter* filter = [] {
        auto made = std::make_unique<LanguageChangeFilter>();
        made->setParent(QCoreApplication::instance());  // owned by the application from here on
        QCoreApplication::instance()->installEventFilter(made.get());
        return made.release();
    }();
    return *filter;
}

}  // namespace

Refusal Refusal::of(const QDBusMessage& reply) {
    Refusal refusal;
    refusal.line_ = reply.errorMessage();
    const QList<QVariant> arguments = reply.arguments();
    if (arguments.size() >= 3) {
        refusal.key_ = arguments.at(1).toString();
        refusal.args_ = arguments.at(2).toStringList();
    }
    if (refusal.line_.isEmpty()) refusal.line_ = reply.errorName();
    return refusal;
}

QString Refusal::text() const {
    if (!key_.isEmpty()) {
        const QByteArray key = key_.toUtf8();
        const QString said = QCoreApplication::translate("ServiceReason", key.constData());
        if (said != key_) return withArguments(said, args_);
    }
    return line_;
}

void onLanguageChange(QObject* context, std::function<void()> changed) {
    QObject::connect(&languageChanges(), &LanguageChangeFilter::changed, context,
                     std::move(changed));
}

}  // namespace massho::kiosk

#include "refusal.moc"
