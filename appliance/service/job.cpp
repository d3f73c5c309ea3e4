#include "job.h"

#include <QDBusMessage>
#include <QDateTime>
#include <QMetaObject>

#include "dbus_error.h"
#include "job_adaptor.h"

namespace massho::service {

namespace {

constexpr int kPublishIntervalMs = 250;  // at most 4 updates a second per job (issue contract)
constexpr char kJobInterface[] = "org.massho.Appliance1.Job";

qulonglong nowSeconds() {
    return static_cast<qulonglong>(QDateTime::currentSecsSinceEpoch());
}

QString stateFor(operations::OutcomeKind kind) {
    switch (kind) {
        case operations::OutcomeKind::Done:
            return QStringLiteral("done");
        case operations::OutcomeKind::Interrupted:
            return QStringLiteral("cancelled");
        case operations::OutcomeKind::Failed:
        case operations::OutcomeKind::Refused:
            break;
    }
    return QStringLiteral("failed");
}

}  // namespace

Job::Job(QDBusConnection bus, QString path, JobIdentity identity, std::unique_ptr<JobWorker> worker,
         CancelCheck mayCancel, QObject* parent)
    : QObject(parent),
      bus_(std::move(bus)),
      adaptor_(std::make_unique<JobAdaptor>(this)),
      path_(std::move(path)),
      identity_(std::move(identity)),
      worker_(std::move(worker)),
      mayCancel_(std::move(mayCancel)),
      startedAt_(nowSeconds()) {
    publisher_.setInterval(kPublishIntervalMs);
    connect(&publisher_, &QTimer::timeout, this, &Job::publishProgress);
    publisher_.start();
    worker_->start([this] {
        // On the worker thread: hand over to the main thread, where the job lives.
        QMetaObject::invokeMethod(this, &Job::finish, Qt::QueuedConnection);
    });
}

Job::Job(QDBusConnection bus, QString path, JobIdentity identity, QString result, qint64 entry,
         qulonglong startedAt, QObject* parent)
    : QObject(parent),
      bus_(std::move(bus)),
      adaptor_(std::make_unique<JobAdaptor>(this)),
      path_(std::move(path)),
      identity_(std::move(identity)),
      ended_(true),
      state_(QStringLiteral("interrupted")),
      startedAt_(startedAt),
      result_(std::move(result)),
      entryIndex_(entry) {}

Job::~Job() {
    stop();
    join();
}

void Job::stop() {
    if (worker_) worker_->cancel();
}

void Job::join() {
    worker_.reset();  // joins the thread
}

void Job::Cancel() {
    try {
        if (ended_)
            throw refusal(dbus_error::kRefused,
                          QStringLiteral("the job has already ended (%1)").arg(state_), "job.ended",
                          {state_});
        if (calledFromDBus()) mayCancel_(*this, message().service());
        if (!identity_.cancellable)
            throw refusal(dbus_error::kRefused,
                          QStringLiteral("a drive's own sanitize command cannot be "
                                         "cancelled once sent: leave the drive powered "
                                         "until it finishes"),
                          "job.sanitize-running");
        worker_->cancel();
    } catch (...) {
        replyWithError(*this, std::current_exception());
    }
}

QVariantMap Job::snapshot() const {
    return {
        {"State", state_},
        {"Pass", pass_},
        {"PassCount", passCount_},
        {"BytesDone", bytesDone_},
        {"BytesTotal", bytesTotal_},
        {"Rate", rate_},
        {"ExpectedEndAt", expectedEndAt_},
        {"Cancellable", cancellable()},
        {"Result", result_},
        {"EntryIndex", entryIndex_},
    };
}

void Job::emitChanged(const QVariantMap& before) {
    QVariantMap changed;
    const QVariantMap after = snapshot();
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value()) changed.insert(it.key(), it.value());
    if (changed.isEmpty()) return;
    QDBusMessage signal =
        QDBusMessage::createSignal(path_, QStringLiteral("org.freedesktop.DBus.Properties"),
                                   QStringLiteral("PropertiesChanged"));
    signal << QString::fromLatin1(kJobInterface) << changed << QStringList();
    bus_.send(signal);
}

void Job::publishProgress() {
    if (!worker_ || ended_) return;
    const auto [update, reports] = worker_->progress();
    if (reports == publishedReports_) return;
    publishedReports_ = reports;
    const QVariantMap before = snapshot();
    if (update.engine) {
        const erase::Progress& engine = *update.engine;
        state_ = engine.phase == erase::Progress::Phase::Verifying ? QStringLiteral("verifying")
                                                                   : QStringLiteral("running");
        pass_ = engine.pass;
        passCount_ = engine.passCount;
        bytesDone_ = engine.jobBytesDone;
        bytesTotal_ = engine.jobBytesTotal;
        rate_ = static_cast<qulonglong>(engine.bytesPerSecond);
    } else {
        state_ =
            update.step == "verifying" ? QStringLiteral("verifying") : QStringLiteral("running");
        bytesDone_ = update.done;
        bytesTotal_ = update.total;
        rate_ = static_cast<qulonglong>(update.bytesPerSecond);
    }
    if (update.remaining)
        expectedEndAt_ = nowSeconds() + static_cast<qulonglong>(update.remaining->count());
    emitChanged(before);
}

void Job::finish() {
    publishProgress();
    const QVariantMap before = snapshot();
    const std::optional<operations::Outcome> outcome = worker_->outcome();
    ended_ = true;
    publisher_.stop();
    state_ = stateFor(outcome->kind);
    result_ = QString::fromStdString(outcome->message);
    entryIndex_ = outcome->registerIndex ? static_cast<qlonglong>(*outcome->registerIndex) : -1;
    if (outcome->done() && bytesTotal_ > 0) bytesDone_ = bytesTotal_;
    rate_ = 0;
    emitChanged(before);
    emit Completed(state_, entryIndex_);
    emit ended();
}

}  // namespace massho::service
