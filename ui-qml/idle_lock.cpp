#include "idle_lock.h"

#include <QCoreApplication>
#include <QEvent>

namespace massho::kiosk {

namespace {

bool isInput(QEvent::Type type) {
    switch (type) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::KeyPress:
            return true;
        default:
            return false;
    }
}

}  // namespace

IdleLock::IdleLock(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    timer_.setInterval(10 * 60 * 1000);  // massho.conf's default until told otherwise
    connect(&timer_, &QTimer::timeout, this, &IdleLock::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock() {
    if (QCoreApplication::instance()) QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setActive(bool active) {
    if (active_ == active) return;
    active_ = active;
    restart();
    emit activeChanged();
}

void IdleLock::setInterval(int milliseconds) {
    if (milliseconds <= 0 || milliseconds == timer_.interval()) return;
    timer_.setInterval(milliseconds);
    restart();
    emit intervalChanged();
}

void IdleLock::restart() {
    if (active_)
        timer_.start();
    else
        timer_.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
    if (active_ && isInput(event->type())) timer_.start();
    return QObject::eventFilter(watched, event);
}

}  // namespace massho::kiosk
