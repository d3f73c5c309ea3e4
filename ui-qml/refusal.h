#pragma once

#include <QDBusMessage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace massho::kiosk {

// A refusal as the service sent it (masshod(8), "Reasons"): the stable reason key with its
// arguments, and the service's own English line. text() says it in the language chosen now: the
// Japanese translation of the key (context "ServiceReason", i18n/massho_kiosk_ja.ts) with the
// arguments in place, or the service's line (English, or a reason the kiosk does not know).
// A view model keeps one and reads text() whenever it is shown, so a language switch changes it.
class Refusal {
  public:
    Refusal() = default;
    // The kiosk's own message (already in the language chosen), e.g. a check before sending.
    Refusal(const QString& text) : line_(text) {}  // NOLINT: implicit on purpose
    // From an error reply: its message, then the reason key (s) and arguments (as).
    static Refusal of(const QDBusMessage& reply);
    template <typename Reply>
    static Refusal of(const Reply& reply) {
        return of(reply.reply());
    }

    QString text() const;
    bool isEmpty() const { return line_.isEmpty(); }
    const QString& key() const { return key_; }
    bool operator==(const Refusal& other) const = default;

  private:
    QString key_;
    QStringList args_;
    QString line_;
};

// Calls `changed` (on `context`'s thread, while `context` lives) whenever a translator is
// installed or removed, i.e. at every language switch (language.h): for view models that keep a
// Refusal, to say that its text changed.
void onLanguageChange(QObject* context, std::function<void()> changed);

}  // namespace massho::kiosk
