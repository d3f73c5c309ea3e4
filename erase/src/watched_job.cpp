#include "watched_job.h"

#include <thread>

namespace massho::erase::detail {

Report superviseJob(const std::shared_ptr<WatchedJob>& job, std::chrono::milliseconds timeout,
                    const std::atomic<bool>* cancel,
                    const std::function<void(const Progress&)>& onProgress) {
    std::thread worker([run = job]() mutable {
        try {
            run->watch().finish(run->run());
        } catch (...) {
            run->watch().fail(std::current_exception());
        }
        // Given up on: the job (its target, its channels) is closed here, on this thread, then
        // counted as ended.
        const std::shared_ptr<IoWatch> watch = run->watchPtr();
        run.reset();
        watch->jobThreadEnded();
    });
    Report report;
    try {
        report = job->watch().watch(timeout, cancel, job->cancel(), onProgress);
    } catch (...) {  // the caller's progress callback threw: leave the job as if it had stalled
        job->watch().abandon();
        worker.detach();
        throw;
    }
    if (job->watch().abandoned()) {
        worker.detach();  // it keeps the job, and with it the device, until its call returns
        return report;
    }
    worker.join();
    if (const std::exception_ptr error = job->watch().error()) std::rethrow_exception(error);
    return report;
}

}  // namespace massho::erase::detail
