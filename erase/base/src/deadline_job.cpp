#include "massho/base/deadline_job.h"

#include <memory>
#include <thread>

#include "massho/base/abandoned_threads.h"

namespace massho::base {

std::optional<std::string> runUnderDeadline(std::function<void(ProgressDeadline&)> job,
                                            std::chrono::milliseconds timeout,
                                            const std::function<bool()>& moved) {
    auto deadline = std::make_shared<ProgressDeadline>();
    std::thread worker([deadline, run = std::move(job)]() mutable {
        ProgressDeadline::setCurrent(deadline.get());
        std::exception_ptr error;
        try {
            run(*deadline);
        } catch (...) {
            error = std::current_exception();
        }
        // What the job owns (a device, a child process) is let go here, before it is reported
        // ended: when the caller returns, nothing of it is left open.
        run = nullptr;
        ProgressDeadline::setCurrent(nullptr);
        if (deadline->finish(error)) abandonedThreads().remove();
    });
    if (!deadline->watch(timeout, moved)) {
        worker.detach();  // it keeps the job, and with it the device, until its call returns
        return deadline->where();
    }
    worker.join();
    if (const std::exception_ptr error = deadline->error()) std::rethrow_exception(error);
    return std::nullopt;
}

}  // namespace massho::base
