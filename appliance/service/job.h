#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantMap>
#include <functional>
#include <memory>

#include "job_worker.h"

class JobAdaptor;

namespace massho::service {

// What a job shows before it starts: which act, on which device, for whom.
struct JobIdentity {
    QString operation;  // erase, carry-out
    QString device;
    QString operatorId;
    bool cancellable = true;  // false for a drive's own sanitize command
};

// One job as a D-Bus object (org.massho.Appliance1.Job, masshod(8)), in the udisks manner:
// operation, device, state, pass, bytes, rate, started and expected end, result, the register
// entry. It belongs to the service, not to the session that started it. Lives on the main
// thread; its worker thread runs the operation, and the job publishes the worker's latest
// progress at most four times a second (PropertiesChanged), then Completed once.
class Job : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_PROPERTY(QString Operation READ operation)
    Q_PROPERTY(QString Device READ device)
    Q_PROPERTY(QString State READ state)
    Q_PROPERTY(int Pass READ pass)
    Q_PROPERTY(int PassCount READ passCount)
    Q_PROPERTY(qulonglong BytesDone READ bytesDone)
    Q_PROPERTY(qulonglong BytesTotal READ bytesTotal)
    Q_PROPERTY(qulonglong Rate READ rate)
    Q_PROPERTY(qulonglong StartedAt READ startedAt)
    Q_PROPERTY(qulonglong ExpectedEndAt READ expectedEndAt)
    Q_PROPERTY(bool Cancellable READ cancellable)
    Q_PROPERTY(QString Result READ result)
    Q_PROPERTY(qlonglong EntryIndex READ entryIndex)
    Q_PROPERTY(QString Operator READ operatorId)

  public:
    // Who may cancel: decided by the service for the calling connection (the job's operator
    // or an administrator, in a session of that connection); throws ServiceError otherwise.
    using CancelCheck = std::function<void(const Job&, const QString& caller)>;

    // A job that runs `worker`, published at `path`.
    Job(QDBusConnection bus, QString path, JobIdentity identity, std::unique_ptr<JobWorker> worker,
        CancelCheck mayCancel, QObject* parent = nullptr);
    // A job found in the journal at start: it ended `interrupted`, recorded by entry `entry`.
    Job(QDBusConnection bus, QString path, JobIdentity identity, QString result, qint64 entry,
        qulonglong startedAt, QObject* parent = nullptr);
    ~Job() override;

    const QString& path() const { return path_; }
    bool running() const { return worker_ && !ended_; }
    // Asks the worker to stop (service shutdown); the outcome is recorded as usual.
    void stop();
    // Waits for the worker thread (after stop()).
    void join();

    QString operation() const { return identity_.operation; }
    QString device() const { return identity_.device; }
    QString state() const { return state_; }
    int pass() const { return pass_; }
    int passCount() const { return passCount_; }
    qulonglong bytesDone() const { return bytesDone_; }
    qulonglong bytesTotal() const { return bytesTotal_; }
    qulonglong rate() const { return rate_; }
    qulonglong startedAt() const { return startedAt_; }
    qulonglong expectedEndAt() const { return expectedEndAt_; }
    bool cancellable() const { return identity_.cancellable && !ended_; }
    QString result() const { return result_; }
    qlonglong entryIndex() const { return entryIndex_; }
    QString operatorId() const { return identity_.operatorId; }

  public slots:
    void Cancel();

  signals:
    void Completed(const QString& result, qlonglong entry_index);
    // For the service (not on the bus): the job has ended.
    void ended();

  private:
    void publishProgress();
    void finish();
    QVariantMap snapshot() const;
    void emitChanged(const QVariantMap& before);

    QDBusConnection bus_;
    std::unique_ptr<JobAdaptor> adaptor_;  // its face on the bus (generated from api/)
    QString path_;
    JobIdentity identity_;
    std::unique_ptr<JobWorker> worker_;
    CancelCheck mayCancel_;
    QTimer publisher_;
    uint64_t publishedReports_ = 0;
    bool ended_ = false;

    QString state_ = QStringLiteral("running");
    int pass_ = 0, passCount_ = 0;
    qulonglong bytesDone_ = 0, bytesTotal_ = 0, rate_ = 0;
    qulonglong startedAt_ = 0, expectedEndAt_ = 0;
    QString result_;
    qlonglong entryIndex_ = -1;
};

}  // namespace massho::service
