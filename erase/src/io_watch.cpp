#include "io_watch.h"

#include "massho/base/abandoned_threads.h"
#include "massho/base/duration_text.h"
#include "range_list.h"

namespace massho::erase::detail {

using base::durationText;

uint64_t IoWatch::add(Call call) {
    std::lock_guard lock(mutex_);
    if (abandoned_) return 0;
    const uint64_t id = nextCall_++;
    call.since = Clock::now();
    calls_.emplace(id, std::move(call));
    return id;
}

uint64_t IoWatch::begin(const char* what, uint64_t offset, std::size_t length) {
    Call call;
    call.what = what;
    call.offset = offset;
    call.length = length;
    return add(std::move(call));
}

uint64_t IoWatch::beginCommand(std::string what, std::chrono::milliseconds ownTime) {
    Call call;
    call.what = std::move(what);
    call.command = true;
    call.ownTime = ownTime;
    return add(std::move(call));
}

void IoWatch::setLeftOnDrive(std::string note) {
    std::lock_guard lock(mutex_);
    leftOnDrive_ = std::move(note);
}

void IoWatch::end(uint64_t call, bool write, ssize_t transferred) {
    std::lock_guard lock(mutex_);
    calls_.erase(call);
    if (transferred > 0) (write ? written_ : read_) += static_cast<uint64_t>(transferred);
}

void IoWatch::phaseStarted(const Report& sofar, Progress::Phase phase, std::string name,
                           std::string description) {
    std::lock_guard lock(mutex_);
    phaseStart_ = sofar;
    phase_ = phase;
    phaseName_ = std::move(name);
    phaseDescription_ = std::move(description);
    writtenAtPhase_ = written_;
    readAtPhase_ = read_;
}

void IoWatch::post(const Progress& progress) {
    std::unique_lock lock(mutex_);
    if (abandoned_) return;
    progress_.push_back(progress);
    const uint64_t ticket = ++posted_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return delivered_ >= ticket || abandoned_; });
}

void IoWatch::finish(Report report) {
    {
        std::lock_guard lock(mutex_);
        finished_ = std::move(report);
    }
    changed_.notify_all();
}

void IoWatch::fail(std::exception_ptr error) {
    {
        std::lock_guard lock(mutex_);
        error_ = std::move(error);
        finished_ = Report{};
    }
    changed_.notify_all();
}

bool IoWatch::abandoned() const {
    std::lock_guard lock(mutex_);
    return abandoned_;
}

void IoWatch::jobThreadEnded() {
    if (abandoned()) base::abandonedThreads().remove();
}

void IoWatch::abandon() {
    {
        std::lock_guard lock(mutex_);
        if (!abandoned_) base::abandonedThreads().add();
        abandoned_ = true;
        progress_.clear();
    }
    changed_.notify_all();
}

std::exception_ptr IoWatch::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

// In the order the calls began: the first one past its time.
const IoWatch::Call* IoWatch::overdueCall(std::chrono::milliseconds timeout) const {
    const Clock::time_point now = Clock::now();
    for (const auto& [id, call] : calls_)
        if (now - call.since >= call.ownTime + timeout) return &call;
    return nullptr;
}

Report IoWatch::watch(std::chrono::milliseconds timeout, const std::atomic<bool>* cancel,
                      std::atomic<bool>& jobCancel,
                      const std::function<void(const Progress&)>& deliver) {
    // Woken by progress and the end; otherwise often enough to pass a cancel on promptly.
    constexpr auto kPoll = std::chrono::milliseconds(100);
    std::unique_lock lock(mutex_);
    for (;;) {
        while (!progress_.empty()) {
            const Progress p = progress_.front();
            progress_.pop_front();
            lock.unlock();
            if (deliver) deliver(p);
            if (cancel && cancel->load()) jobCancel = true;
            lock.lock();
            ++delivered_;
            changed_.notify_all();
        }
        if (finished_) return std::move(*finished_);
        if (cancel && cancel->load()) jobCancel = true;
        if (const Call* overdue = overdueCall(timeout)) {
            base::abandonedThreads().add();  // before the job's thread can see abandoned_ and end
            abandoned_ = true;  // under the lock: the job's thread changes nothing from here on
            progress_.clear();
            changed_.notify_all();  // a reader thread's job may be waiting in post()
            return stalledReport(*overdue, timeout);
        }
        changed_.wait_for(lock, kPoll);
    }
}

Report IoWatch::stalledReport(const Call& call, std::chrono::milliseconds timeout) const {
    Report r = phaseStart_;
    r.outcome = Outcome::Failed;
    const uint64_t written = written_ - writtenAtPhase_;
    std::string done;
    if (phase_ == Progress::Phase::Writing) {
        // A phase without a description (a drive job's marker blocks) is no pass of its own.
        if (!phaseDescription_.empty()) r.passes.push_back({phaseDescription_, written, {}});
        r.bytesWritten += written;
        done = std::to_string(written) + (phaseDescription_.empty()
                                              ? " bytes were written"
                                              : " bytes of this pass were written");
    } else {
        r.bytesVerified = read_ - readAtPhase_;
        r.verifyResult = VerifyResult::Failed;
        done = std::to_string(r.bytesVerified) + " bytes were read back";
    }
    if (call.length) addRange(r.errorRanges, {call.offset, call.length});
    std::string silence;
    if (call.command) {
        silence =
            "the drive did not answer " + call.what + " in " + durationText(call.ownTime + timeout);
        if (call.ownTime.count() > 0)
            silence += " (the " + durationText(call.ownTime) +
                       " the command itself is allowed, then " + durationText(timeout) + ")";
    } else {
        const std::string what =
            call.length ? "a " + call.what + " of " + std::to_string(call.length) + " bytes there"
                        : "a " + call.what;
        silence = "the device stopped responding at offset " + std::to_string(call.offset) + " (" +
                  what + " had no answer in " + durationText(timeout) + "; " + done + ")";
    }
    r.failureReason = phaseName_ + ": " + silence +
                      ": the job was abandoned and the device stays held until it answers or "
                      "is unplugged; " +
                      (leftOnDrive_.empty() ? "unplug it, reconnect it and erase it again, or "
                                              "destroy it if this happens again"
                                            : leftOnDrive_);
    r.ended = std::chrono::system_clock::now();
    return r;
}

}  // namespace massho::erase::detail
