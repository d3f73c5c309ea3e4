#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "massho/erase/progress.h"
#include "massho/erase/report.h"

namespace massho::erase::detail {

// What a job's thread and the thread watching it share (the stall watchdog: watched_job.h): the
// device calls in flight, the job's state at the start of its phase, progress to hand over, and
// the end.
// Both hold it by shared_ptr: when the device stops answering, the watcher leaves and the job's
// thread keeps it, with the device, until its call returns, if ever.
class IoWatch {
  public:
    using Clock = std::chrono::steady_clock;

    // Around every device call (WatchedTarget). begin() returns 0 once the watcher has given up:
    // the call must not be made, the descriptor may be the only thing still known to be right.
    uint64_t begin(const char* what, uint64_t offset, std::size_t length);
    // Around a drive command (WatchedSgIo, WatchedNvmeAdmin), named `what` ("SECURITY ERASE
    // UNIT"): it has `ownTime` (0 for a command that answers at once, the drive's own estimate
    // with a margin for one that runs long) and then the timeout to answer. 0 as from begin().
    uint64_t beginCommand(std::string what, std::chrono::milliseconds ownTime);
    void end(uint64_t call, bool write, ssize_t transferred);
    // What a job given up from now on would leave on the drive and what the person must then do
    // (the ATA one-time password and how to remove it), said in the stall's reason; "" for nothing.
    void setLeftOnDrive(std::string note);

    // The job's thread: where the job stands at the start of a phase (`name` e.g. "pass 2 of 3",
    // "verification"), progress reports, and the end. post() returns once the watcher has
    // handed the report on and passed the caller's cancel flag on (or has given up), so that a
    // cancel asked for in the progress callback stops the job at its next chunk, as without
    // the watchdog.
    void phaseStarted(const Report& sofar, Progress::Phase phase, std::string name,
                      std::string description);
    void post(const Progress& progress);
    void finish(Report report);
    void fail(std::exception_ptr error);  // the job threw instead of reporting

    // True once the watcher has given up on the job (a stalled call, or abandon()). Each job
    // given up is counted (base::abandonedThreads()) until its thread calls jobThreadEnded().
    bool abandoned() const;
    void jobThreadEnded();
    void abandon();
    // What the job threw, if it did (watch() then returns an empty report).
    std::exception_ptr error() const;

    // The watching thread. Hands progress to `deliver` on this thread and passes `cancel` on
    // to `jobCancel`, until the job has finished (its report) or a device call has had no answer
    // for `timeout` (a failed report saying where; the job is abandoned from then on).
    Report watch(std::chrono::milliseconds timeout, const std::atomic<bool>* cancel,
                 std::atomic<bool>& jobCancel, const std::function<void(const Progress&)>& deliver);

  private:
    struct Call {
        std::string what;
        uint64_t offset = 0;
        std::size_t length = 0;
        bool command = false;                  // a drive command, not a write or read
        std::chrono::milliseconds ownTime{0};  // the time it may take before the timeout counts
        Clock::time_point since;
    };
    uint64_t add(Call call);
    const Call* overdueCall(std::chrono::milliseconds timeout) const;
    Report stalledReport(const Call& call, std::chrono::milliseconds timeout) const;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::map<uint64_t, Call> calls_;
    uint64_t nextCall_ = 1;
    bool abandoned_ = false;
    std::optional<Report> finished_;
    std::exception_ptr error_;
    std::deque<Progress> progress_;
    uint64_t posted_ = 0, delivered_ = 0;
    // The phase running, and what the device had taken and given when it began.
    Report phaseStart_;
    Progress::Phase phase_ = Progress::Phase::Writing;
    std::string phaseName_, phaseDescription_;
    std::string leftOnDrive_;
    uint64_t written_ = 0, read_ = 0, writtenAtPhase_ = 0, readAtPhase_ = 0;
};

}  // namespace massho::erase::detail
