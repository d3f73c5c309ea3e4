#include "job_worker.h"

#include <exception>

#include "dbus_error.h"
#include "massho/records/people/store.h"

namespace massho::service {

JobWorker::JobWorker(std::unique_ptr<records::Store> store,
                     std::unique_ptr<operations::Operation> operation)
    : store_(std::move(store)), operation_(std::move(operation)) {}

JobWorker::~JobWorker() {
    if (thread_.joinable()) thread_.join();
}

void JobWorker::start(std::function<void()> finished) {
    thread_ = std::thread([this, finished = std::move(finished)] { run(finished); });
}

void JobWorker::run(const std::function<void()>& finished) {
    operations::ProgressSink sink([this](const operations::ProgressUpdate& update) {
        const std::lock_guard lock(mutex_);
        latest_ = update;
        ++reports_;
    });
    operations::Outcome outcome;
    try {
        outcome = operation_->run(sink, cancel_);
    } catch (...) {
        // Found only once running but before the first write (a busy device, a drive that
        // refuses the command): nothing was done to the medium.
        outcome.kind = operations::OutcomeKind::Failed;
        outcome.message = dbusErrorFor(std::current_exception()).message.toStdString();
    }
    {
        const std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
    }
    finished();
}

std::pair<operations::ProgressUpdate, uint64_t> JobWorker::progress() const {
    const std::lock_guard lock(mutex_);
    return {latest_, reports_};
}

std::optional<operations::Outcome> JobWorker::outcome() const {
    const std::lock_guard lock(mutex_);
    return outcome_;
}

}  // namespace massho::service
