#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>

#include "desk.h"

namespace massho::kiosk {

// Cancelling a running job from the kiosk (Job.Cancel): the service lets the operator who started
// it, or an administrator, from a session of this kiosk's connection; anyone else hears why not.
// The job then ends "cancelled" and is recorded so (JobList shows it). Needs no client: the
// call goes out on the kiosk's own connection, whose sessions the service looks at.
class JobControl : public Desk {
    Q_OBJECT
    QML_ELEMENT

  public:
    explicit JobControl(QObject* parent = nullptr);

    Q_INVOKABLE void cancel(const QString& jobPath);

  signals:
    // The service took the request; the job ends at its next chunk.
    void cancelAccepted(const QString& jobPath);
};

}  // namespace massho::kiosk
