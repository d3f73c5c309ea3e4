#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "massho/operations/cancel_token.h"
#include "massho/operations/operation.h"
#include "massho/operations/outcome.h"
#include "massho/operations/progress_sink.h"

namespace massho::records {
class Store;
}

namespace massho::service {

// One worker thread per job: runs a checked Operation to its Outcome with its own Store (an
// SQLite connection is never shared between threads), and keeps the latest progress for the
// job object to publish at its own pace. Jobs on different devices run side by side; the engine
// and the register serialise only what must be (the register's append transaction).
class JobWorker {
  public:
    // `operation` has been checked (Operation::check) and uses `store`.
    JobWorker(std::unique_ptr<records::Store> store,
              std::unique_ptr<operations::Operation> operation);
    ~JobWorker();  // waits for the thread; cancel() first to make that quick
    JobWorker(const JobWorker&) = delete;
    JobWorker& operator=(const JobWorker&) = delete;

    // Starts the thread. `finished` is called on it once the outcome is known.
    void start(std::function<void()> finished);
    void cancel() { cancel_.request(); }
    bool cancelRequested() const { return cancel_.requested(); }

    // The latest progress report, and how many reports there have been (0: none yet).
    std::pair<operations::ProgressUpdate, uint64_t> progress() const;
    // Known once finished.
    std::optional<operations::Outcome> outcome() const;

  private:
    void run(const std::function<void()>& finished);

    std::unique_ptr<records::Store> store_;  // declared first: the operation refers to it
    std::unique_ptr<operations::Operation> operation_;
    operations::CancelToken cancel_;
    mutable std::mutex mutex_;
    operations::ProgressUpdate latest_;
    uint64_t reports_ = 0;
    std::optional<operations::Outcome> outcome_;
    std::thread thread_;
};

}  // namespace massho::service
