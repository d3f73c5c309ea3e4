#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "massho/base/progress_deadline.h"

namespace massho::base {

// Runs `job` on a thread of its own (ProgressDeadline::current() there) while this thread runs
// its tasks and watches it (ProgressDeadline::watch). Returns nothing once the job ended,
// rethrowing what it threw. When nothing moved for `timeout`, returns where the job stood: its
// thread is then detached, counted by abandonedThreads() until it ends, and keeps what `job` owns
// (its captures are destroyed on that thread). So `job` must own everything it uses, and reach
// the caller's objects only through ProgressDeadline::onWatcher.
std::optional<std::string> runUnderDeadline(std::function<void(ProgressDeadline&)> job,
                                            std::chrono::milliseconds timeout,
                                            const std::function<bool()>& moved = {});

}  // namespace massho::base
