#include "job_control.h"

#include <QDBusConnection>
#include <QDBusPendingReply>
#include <memory>

#include "job_proxy.h"

namespace massho::kiosk {

JobControl::JobControl(QObject* parent) : Desk(parent) {}

void JobControl::cancel(const QString& jobPath) {
    if (busy()) return;
    setError({});
    // The kiosk's own connection: the service looks for a session of the caller's connection.
    auto job = std::make_shared<JobProxy>(kServiceName, jobPath, QDBusConnection::systemBus());
    call(job->Cancel(),
         [this, job, jobPath](const QDBusPendingReply<>&) { emit cancelAccepted(jobPath); });
}

}  // namespace massho::kiosk
