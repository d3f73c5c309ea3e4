#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "massho/base/error.h"
#include "massho/erase/method.h"
#include "massho/erase/pattern.h"
#include "massho/erase/progress.h"
#include "massho/erase/report.h"
#include "massho/erase/target.h"
#include "massho/erase/verify_mode.h"

namespace massho::erase {

// A job that cannot start as asked (bad options, a hardware method, no random numbers).
class EraseError : public base::Error {
  public:
    explicit EraseError(const std::string& message)
        : base::Error(base::ErrorCategory::Failed, message) {}
};

// A write or read that has had no answer for this long is a device that stopped responding (a
// wedged USB bridge, a hung firmware). The kernel's own SCSI timeouts and retries give up within
// about 30 s to a few minutes; 60 s lets a slow but working drive finish any one call.
inline constexpr std::chrono::milliseconds kDefaultStallTimeout{60'000};

struct EraseOptions {
    const Method* method = nullptr;
    VerifyMode verify = VerifyMode::Sample;  // pass method->defaultVerify unless overridden
    bool blank = false;                      // add a final 0x00 pass
    std::size_t chunkBytes = 0;              // 0 = kDefaultChunkBytes; a multiple of 4096
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(const Progress&)> onProgress;
    std::chrono::milliseconds progressInterval{250};
    // Called once after the last pass is on the medium (flushed) and before verification, with
    // the pattern of the last pass. Lets tests check content or tamper with the device; the
    // appliance leaves it empty.
    std::function<void(const PatternSource& lastPass)> beforeVerify;
    uint64_t sampleSeed = 0;  // 0 = draw one from RAND_bytes
    // runErasure(std::unique_ptr<Target>, ...): how long one device call may go unanswered
    // before the job is given up as failed (the stall watchdog).
    std::chrono::milliseconds stallTimeout = kDefaultStallTimeout;
};

// Chosen with massho_erase_bench (tests/bench): larger chunks gain nothing on the devices here.
inline constexpr std::size_t kDefaultChunkBytes = 4u << 20;

// Runs every pass of the method (plus the blank pass), flushes after each, then verifies the
// content of the last pass. Media errors, cancellation and mismatches end up in the Report and
// never throw. Throws EraseError when the job cannot start (no method, a hardware method: those
// run through sanitize::runHardwareErasure, a chunk size that is not a multiple of the target's
// alignment).
Report runErasure(Target& target, const EraseOptions& options);

// The same job under a stall watchdog: it runs on a thread of its own while this thread passes
// progress on (onProgress is called here, and the job waits for it, as above: a cancel it asks
// for stops the job at the next chunk) and watches every device call. When one has
// had no answer for options.stallTimeout, the job is given up: this returns a failed Report
// saying "the device stopped responding at offset X", with the passes and ranges done until then.
// The thread stuck in the kernel (D state) cannot be stopped: it is detached and keeps `target`,
// so the descriptor stays open and the device held until the call returns (then the thread
// touches nothing of the caller's, closes the descriptor and ends) or, if it never does, until
// the process ends. onProgress and beforeVerify are never called after this has returned;
// options.cancel is read only while it runs. When the job ends by itself, `target` is closed
// before this returns.
Report runErasure(std::unique_ptr<Target> target, const EraseOptions& options);

// Waits up to `timeout` for the threads of jobs the stall watchdog gave up on to end (each ends,
// closing its device, once its stuck call returns), and every other thread this process gave up
// on (base::abandonedThreads(): the carry-out's medium writing too). True when none is left. For a
// process about to end (whose exit would otherwise run its cleanup under such a thread) and for
// tests.
bool waitForAbandonedJobs(std::chrono::milliseconds timeout);

}  // namespace massho::erase
