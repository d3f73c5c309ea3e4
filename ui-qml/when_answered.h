#pragma once

#include <QDBusPendingCallWatcher>
#include <QObject>
#include <QString>
#include <memory>

namespace massho::kiosk {

// The service's bus name and front door, for the kiosk's view models.
inline const QString kServiceName = QStringLiteral("org.massho.Appliance1");
inline const QString kManagerPath = QStringLiteral("/org/massho/Appliance1");

// Runs `done(Reply)` on `context`'s thread when the asynchronous D-Bus reply arrives: the kiosk's
// one way to call the service without the UI thread waiting.
template <typename Reply, typename Done>
void whenAnswered(QObject* context, const Reply& reply, Done done) {
    // Owned by `context` (its Qt parent) until the answer has been handled, then deleted.
    QDBusPendingCallWatcher* watcher =
        std::make_unique<QDBusPendingCallWatcher>(reply, context).release();
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, done](QDBusPendingCallWatcher*) {
                         done(Reply(*watcher));
                         watcher->deleteLater();
                     });
}

}  // namespace massho::kiosk
