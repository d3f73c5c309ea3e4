#include "job_control.h"

#include <QDBusConnection>
#include <QDBusPendingReply>
#include <memory>

#include "job_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

JobControl::JobControl(QObject* parent) : QObject(parent) {
    // A refusal is said in the language chosen when shown: a switch changes it.
    onLanguageChange(this, [this] { emit changed(); });
}

void JobControl::cancel(const QString& jobPath) {
    if (busy_) return;
    busy_ = true;
    error_ = {};
    emit changed();
    // The kiosk's own connection: the service looks for a session of the caller's connection.
    auto job = std::make_shared<JobProxy>(kServiceName, jobPath, QDBusConnection::systemBus());
    whenAnswered(this, job->Cancel(), [this, job, jobPath](const QDBusPendingReply<>& reply) {
        busy_ = false;
        if (reply.isError()) error_ = Refusal::of(reply);
        emit changed();
        if (!reply.isError()) emit cancelAccepted(jobPath);
    });
}

}  // namespace massho::kiosk
