#include "desk.h"

#include "dbus_types.h"

namespace massho::kiosk {

Desk::Desk(QObject* parent) : QObject(parent) {
    service::registerDbusTypes();  // the replies' aa{sv}
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit errorChanged(); });
}

void Desk::setClient(ApplianceClient* client) {
    if (client_ == client) return;
    client_ = client;
    emit clientChanged();
    clientSet();
}

SessionProxy* Desk::session() const {
    return client_ ? client_->session() : nullptr;
}

void Desk::setError(const Refusal& error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void Desk::setPending(int pending) {
    const bool was = busy();
    pending_ = pending;
    if (busy() != was) emit busyChanged();
}

}  // namespace massho::kiosk
