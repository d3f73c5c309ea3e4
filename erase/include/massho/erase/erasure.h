#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
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
};

// Chosen with massho_erase_bench (tests/bench): larger chunks gain nothing on the devices here.
inline constexpr std::size_t kDefaultChunkBytes = 4u << 20;

// Runs every pass of the method (plus the blank pass), flushes after each, then verifies the
// content of the last pass. Media errors, cancellation and mismatches end up in the Report and
// never throw. Throws EraseError when the job cannot start (no method, a hardware method: those
// run through sanitize::runHardwareErasure, a chunk size that is not a multiple of the target's
// alignment).
Report runErasure(Target& target, const EraseOptions& options);

}  // namespace massho::erase
