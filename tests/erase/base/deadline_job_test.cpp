// massho_base's progress deadline (deadline_job.h): a job on a thread of its own, given up when
// neither it nor what the watcher asks about moved for the timeout. The "device" here is a gate
// the job waits at, as a thread stuck in a call waits for a device to answer.
#include "massho/base/deadline_job.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "massho/base/abandoned_threads.h"

namespace base = massho::base;
using namespace std::chrono_literals;

namespace {

// What a job waits at until the test opens it.
class Gate {
  public:
    void wait() {
        std::unique_lock lock(mutex_);
        opened_.wait(lock, [this] { return open_; });
    }
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        opened_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable opened_;
    bool open_ = false;
};

}  // namespace

TEST(DeadlineJob, AJobThatMovesOnRunsToItsEndAndItsTasksRunOnTheCallersThread) {
    const std::thread::id caller = std::this_thread::get_id();
    int onCaller = 0;
    const auto stalled = base::runUnderDeadline(
        [&](base::ProgressDeadline& deadline) {
            EXPECT_EQ(base::ProgressDeadline::current(), &deadline);
            for (int i = 0; i < 5; ++i) {
                std::this_thread::sleep_for(50ms);
                deadline.advance("step " + std::to_string(i));
                deadline.onWatcher([&] { onCaller += std::this_thread::get_id() == caller; });
            }
        },
        200ms);
    EXPECT_EQ(stalled, std::nullopt);
    EXPECT_EQ(onCaller, 5);
}

TEST(DeadlineJob, WhatTheJobThrowsIsThrownToTheCaller) {
    EXPECT_THROW(base::runUnderDeadline(
                     [](base::ProgressDeadline&) { throw std::runtime_error("no medium"); }, 1s),
                 std::runtime_error);
}

// The job's thread stays stuck at the gate: the caller gets where it stood, the hook it left
// (killing a child, in the carry-out) runs, and once the gate opens the thread meets GivenUp at
// its next step, does nothing more, and ends, counted until then.
TEST(DeadlineJob, AJobThatStopsMovingIsGivenUpAndEndsOnceItsCallReturns) {
    auto gate = std::make_shared<Gate>();
    auto after = std::make_shared<std::atomic<int>>(0);
    auto hookRan = std::make_shared<std::atomic<bool>>(false);
    const auto stalled = base::runUnderDeadline(
        [gate, after, hookRan](base::ProgressDeadline& deadline) {
            deadline.advance("the package was written, after 4096 bytes of 8192");
            const auto hook = deadline.onGiveUp([hookRan] { *hookRan = true; });
            gate->wait();
            try {
                deadline.advance("the package was written, after 8192 bytes of 8192");
            } catch (const base::GivenUp&) {
                return;
            }
            ++*after;
        },
        300ms);
    EXPECT_EQ(stalled, "the package was written, after 4096 bytes of 8192");
    EXPECT_TRUE(*hookRan);
    EXPECT_FALSE(base::abandonedThreads().waitForNone(100ms)) << "the stuck thread is counted";
    gate->open();
    EXPECT_TRUE(base::abandonedThreads().waitForNone(10s));
    EXPECT_EQ(*after, 0) << "nothing done after it was given up";
}

// A job silent for longer than the timeout is kept while the watcher's probe says something
// moved (the device completing the requests of a child process the job waits for).
TEST(DeadlineJob, AJobWaitingWhileTheDeviceMovesIsNotGivenUp) {
    const auto stalled =
        base::runUnderDeadline([](base::ProgressDeadline&) { std::this_thread::sleep_for(900ms); },
                               300ms, [] { return true; });
    EXPECT_EQ(stalled, std::nullopt);
}

// A hook removed before the watcher gives up never runs.
TEST(DeadlineJob, AHookGoneBeforeTheGiveUpNeverRuns) {
    auto gate = std::make_shared<Gate>();
    auto hookRan = std::make_shared<std::atomic<bool>>(false);
    const auto stalled = base::runUnderDeadline(
        [gate, hookRan](base::ProgressDeadline& deadline) {
            deadline.onGiveUp([hookRan] { *hookRan = true; }).reset();
            gate->wait();
        },
        200ms);
    EXPECT_TRUE(stalled.has_value());
    EXPECT_FALSE(*hookRan);
    gate->open();
    EXPECT_TRUE(base::abandonedThreads().waitForNone(10s));
}
