#include "job_control.h"

#include <QDBusConnection>
#include <QDBusPendingReply>
#include <memory>

#include "job_proxy.h"
#include "when_answered.h"

namespace massho::kiosk {

JobControl::JobControl(QObject* parent) : QObject(parent) {}

void JobControl::cancel(const QString& jobPath) {
    if (busy_) return;
    busy_ = true;
    error_.clear();
    emit changed();
    // The kiosk's own connection: the service looks for a session of the caller's connection.
    auto job = std::make_shared<JobProxy>(kServiceName, jobPath, QDBusConnection::systemBus());
    whenAnswered(this, job->Cancel(), [this, job, jobPath](const QDBusPendingReply<>& reply) {
        busy_ = false;
        if (reply.isError()) error_ = reply.error().message();
        emit changed();
        if (!reply.isError()) emit cancelAccepted(jobPath);
    });
}

}  // namespace massho::kiosk
