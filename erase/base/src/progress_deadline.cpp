#include "massho/base/progress_deadline.h"

#include <utility>

#include "massho/base/abandoned_threads.h"

namespace massho::base {
namespace {

thread_local ProgressDeadline* currentDeadline = nullptr;

}  // namespace

const char* GivenUp::what() const noexcept {
    return "the job was given up: nothing moved for the stall timeout";
}

ProgressDeadline::Hook::Hook(Hook&& other) noexcept
    : deadline_(std::exchange(other.deadline_, nullptr)), id_(other.id_) {}

ProgressDeadline::Hook& ProgressDeadline::Hook::operator=(Hook&& other) noexcept {
    if (this != &other) {
        reset();
        deadline_ = std::exchange(other.deadline_, nullptr);
        id_ = other.id_;
    }
    return *this;
}

void ProgressDeadline::Hook::reset() {
    if (!deadline_) return;
    std::lock_guard lock(deadline_->mutex_);
    deadline_->hooks_.erase(id_);
    deadline_ = nullptr;
}

void ProgressDeadline::advance(std::string where) {
    std::lock_guard lock(mutex_);
    if (givenUp_) throw GivenUp();
    where_ = std::move(where);
    lastMove_ = Clock::now();
}

void ProgressDeadline::advance() {
    std::lock_guard lock(mutex_);
    if (givenUp_) throw GivenUp();
    lastMove_ = Clock::now();
}

void ProgressDeadline::checkGoing() const {
    std::lock_guard lock(mutex_);
    if (givenUp_) throw GivenUp();
}

void ProgressDeadline::onWatcher(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    if (givenUp_) throw GivenUp();
    task_ = std::move(task);
    taskDone_ = false;
    taskError_ = nullptr;
    changed_.notify_all();
    // The watcher does not give up while it runs the task: either it ran or it never will.
    changed_.wait(lock, [&] { return taskDone_ || givenUp_; });
    if (!taskDone_) throw GivenUp();
    if (taskError_) std::rethrow_exception(std::exchange(taskError_, nullptr));
}

ProgressDeadline::Hook ProgressDeadline::onGiveUp(std::function<void()> action) {
    std::lock_guard lock(mutex_);
    if (givenUp_) throw GivenUp();
    const uint64_t id = nextHook_++;
    hooks_.emplace(id, std::move(action));
    return Hook(this, id);
}

bool ProgressDeadline::finish(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = std::move(error);
    changed_.notify_all();
    return givenUp_;
}

ProgressDeadline* ProgressDeadline::current() {
    return currentDeadline;
}

void ProgressDeadline::setCurrent(ProgressDeadline* deadline) {
    currentDeadline = deadline;
}

// Under the lock, so the job's thread sees either its call go through or GivenUp, and no hook
// is removed half-way through. Counted before the job's thread can see it and end.
void ProgressDeadline::giveUp() {
    abandonedThreads().add();
    givenUp_ = true;
    task_.reset();
    for (auto& [id, action] : hooks_) action();
    changed_.notify_all();
}

bool ProgressDeadline::watch(std::chrono::milliseconds timeout,
                             const std::function<bool()>& moved) {
    constexpr auto kPoll = std::chrono::milliseconds(100);
    std::unique_lock lock(mutex_);
    lastMove_ = Clock::now();
    for (;;) {
        if (task_) {
            std::function<void()> task = std::move(*task_);
            task_.reset();
            lock.unlock();
            std::exception_ptr error;
            try {
                task();
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            taskError_ = error;
            taskDone_ = true;
            lastMove_ = Clock::now();  // the caller's time is not the device's
            changed_.notify_all();
            continue;
        }
        if (finished_) return true;
        if (moved) {
            lock.unlock();
            bool deviceMoved = false;
            try {
                deviceMoved = moved();
            } catch (...) {  // a probe that cannot tell says nothing moved
            }
            lock.lock();
            if (deviceMoved) lastMove_ = Clock::now();
            if (task_ || finished_) continue;
        }
        if (Clock::now() - lastMove_ >= timeout) {
            giveUp();
            return false;
        }
        changed_.wait_for(lock, kPoll);
    }
}

std::string ProgressDeadline::where() const {
    std::lock_guard lock(mutex_);
    return where_;
}

std::exception_ptr ProgressDeadline::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

}  // namespace massho::base
