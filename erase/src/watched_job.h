#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

#include "io_watch.h"
#include "massho/erase/progress.h"
#include "massho/erase/report.h"

namespace massho::erase::detail {

// A job run on a thread of its own under an IoWatch (the stall watchdog): runErasure's passes and
// runHardwareErasure's drive command. It owns everything its thread touches (the target, the
// drive's channels, its options): when the watcher gives up, the thread keeps it until the call
// it is stuck in returns.
class WatchedJob {
  public:
    explicit WatchedJob(bool cancelled = false)
        : watch_(std::make_shared<IoWatch>()), cancel_(cancelled) {}
    virtual ~WatchedJob() = default;
    WatchedJob(const WatchedJob&) = delete;
    WatchedJob& operator=(const WatchedJob&) = delete;

    // On the job's thread: the whole job. What it throws is rethrown by superviseJob.
    virtual Report run() = 0;

    IoWatch& watch() { return *watch_; }
    const std::shared_ptr<IoWatch>& watchPtr() const { return watch_; }
    // The job's own cancel flag: the caller's is passed on to it while the watcher runs.
    std::atomic<bool>& cancel() { return cancel_; }

  private:
    std::shared_ptr<IoWatch> watch_;
    std::atomic<bool> cancel_;
};

// Runs `job` on a thread of its own while this thread hands its progress to `onProgress`, passes
// `cancel` on and times its device calls (IoWatch::watch). Returns the job's report; or, when a
// call has had no answer for `timeout` (beyond its own time), the failed report saying where:
// the thread is then detached and keeps `job` until its call returns (base::abandonedThreads()
// counts it). Rethrows what the job threw; when `onProgress` throws, the job is given up and that
// is thrown.
Report superviseJob(const std::shared_ptr<WatchedJob>& job, std::chrono::milliseconds timeout,
                    const std::atomic<bool>* cancel,
                    const std::function<void(const Progress&)>& onProgress);

}  // namespace massho::erase::detail
