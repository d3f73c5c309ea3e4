#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace massho::base {

// Thrown on a job's thread once its watcher has given up on it: the job stops there and touches
// nothing more of its caller's (who has moved on).
class GivenUp : public std::exception {
  public:
    const char* what() const noexcept override;
};

// What a job run on a thread of its own (deadline_job.h) and the thread watching it share. The
// job says where it stands each time it moves on; the watcher gives up on it when nothing moved
// for the timeout: a device that stopped answering leaves the job's thread (or a child process it
// waits for) stuck in a call that nothing in user space can interrupt. It watches progress, not
// calls (erase/'s IoWatch times each device call): the job may be a chain of tools whose calls it
// cannot see.
// Both threads hold it by shared_ptr: once given up, the watcher leaves and the job's thread
// keeps it until it ends.
class ProgressDeadline {
  public:
    // Registered by onGiveUp(); removing it (its destruction) is atomic with giving up, so the
    // action never runs once the hook is gone.
    class Hook {
      public:
        Hook() = default;
        Hook(ProgressDeadline* deadline, uint64_t id) : deadline_(deadline), id_(id) {}
        ~Hook() { reset(); }
        Hook(Hook&& other) noexcept;
        Hook& operator=(Hook&& other) noexcept;
        Hook(const Hook&) = delete;
        Hook& operator=(const Hook&) = delete;
        void reset();

      private:
        ProgressDeadline* deadline_ = nullptr;
        uint64_t id_ = 0;
    };

    // The job's thread. advance(): it moved on, now standing at `where` ("the package was
    // written, after 65536 bytes of 200000"), what the watcher says when it gives up. Each of
    // these throws GivenUp once the watcher has given up.
    void advance(std::string where);
    void advance();
    void checkGoing() const;
    // Runs `task` on the watching thread (what touches the caller's objects: progress reports,
    // its cancel flag) and returns once it ran, rethrowing what it threw; GivenUp instead of
    // running it once given up.
    void onWatcher(std::function<void()> task);
    // `action` runs (on the watching thread, under the lock: keep it short, e.g. kill a child)
    // when the watcher gives up, as long as the returned hook lives.
    Hook onGiveUp(std::function<void()> action);
    // The job ended (`error`: what it threw, or null); true when it had been given up already.
    bool finish(std::exception_ptr error);

    // The deadline the calling thread's job runs under (deadline_job.h), or null: lets a tool
    // deep inside the job (a child process) register with it without every caller passing it.
    static ProgressDeadline* current();
    static void setCurrent(ProgressDeadline* deadline);

    // The watching thread: runs the job's tasks until it finished (true), or gives up (false)
    // when for `timeout` it did not advance and `moved` (asked every 100 ms, if given: e.g. the
    // device completed I/O the job's child processes asked for) said false.
    bool watch(std::chrono::milliseconds timeout, const std::function<bool()>& moved);
    std::string where() const;
    std::exception_ptr error() const;

  private:
    using Clock = std::chrono::steady_clock;
    void giveUp();  // under the lock

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    Clock::time_point lastMove_ = Clock::now();
    std::string where_;
    bool givenUp_ = false, finished_ = false;
    std::exception_ptr error_;
    std::optional<std::function<void()>> task_;
    bool taskDone_ = false;
    std::exception_ptr taskError_;
    std::map<uint64_t, std::function<void()>> hooks_;
    uint64_t nextHook_ = 1;
};

}  // namespace massho::base
