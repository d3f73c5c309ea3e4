#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>

#include "refusal.h"

namespace massho::kiosk {

// Cancelling a running job from the kiosk (Job.Cancel): the service lets the operator who started
// it, or an administrator, from a session of this kiosk's connection; anyone else hears why not.
// The job then ends "cancelled" and is recorded so (JobList shows it).
class JobControl : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

  public:
    explicit JobControl(QObject* parent = nullptr);

    bool busy() const { return busy_; }
    QString error() const { return error_.text(); }

    Q_INVOKABLE void cancel(const QString& jobPath);

  signals:
    void changed();
    // The service took the request; the job ends at its next chunk.
    void cancelAccepted(const QString& jobPath);

  private:
    bool busy_ = false;
    Refusal error_;  // said in the language chosen when read
};

}  // namespace massho::kiosk
