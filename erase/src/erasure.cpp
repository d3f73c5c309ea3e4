#include "massho/erase/erasure.h"

#include <openssl/rand.h>

#include <memory>

#include "io_watch.h"
#include "job_control.h"
#include "massho/base/abandoned_threads.h"
#include "massho/erase/sampling.h"
#include "pass_writer.h"
#include "range_list.h"
#include "verifier.h"
#include "watched_job.h"
#include "watched_target.h"

namespace massho::erase {
namespace {

using detail::PhaseOutcome;

constexpr std::size_t kMinChunk = 64u << 10;
constexpr std::size_t kMaxChunk = 256u << 20;

// The pattern sources of every pass, in order; complements point at earlier passes.
struct PassPlan {
    std::vector<std::unique_ptr<PatternSource>> sources;
    std::vector<std::string> descriptions;
};

PassPlan buildPlan(const Method& method, bool blank) {
    PassPlan plan;
    for (const PassSpec& spec : method.passes) {
        std::unique_ptr<PatternSource> source;
        switch (spec.kind) {
            case PassSpec::Kind::Constant:
                source = makeConstantPattern(spec.bytes.at(0));
                break;
            case PassSpec::Kind::Repeating:
                source = makeRepeatingPattern(spec.bytes);
                break;
            case PassSpec::Kind::Random:
                source = makeRandomPattern();
                break;
            case PassSpec::Kind::Complement:
                if (spec.complementOf < 1 ||
                    spec.complementOf > static_cast<int>(plan.sources.size())) {
                    throw EraseError("method " + method.id + " complements pass " +
                                     std::to_string(spec.complementOf) +
                                     ", which does not come before it: fix the catalog");
                }
                source =
                    makeComplementPattern(*plan.sources[spec.complementOf - 1], spec.describe());
                break;
        }
        plan.descriptions.push_back(spec.describe());
        plan.sources.push_back(std::move(source));
    }
    if (blank) {
        plan.sources.push_back(makeConstantPattern(0x00));
        plan.descriptions.push_back("0x00 (final blanking pass)");
    }
    return plan;
}

std::size_t chooseChunk(const Target& target, std::size_t requested) {
    const std::size_t chunk = requested ? requested : kDefaultChunkBytes;
    if (chunk < kMinChunk || chunk > kMaxChunk || chunk % target.bufferAlignment() != 0) {
        throw EraseError("chunk size " + std::to_string(chunk) + " is not a multiple of " +
                         std::to_string(target.bufferAlignment()) +
                         " between 64 KiB and 256 MiB: leave it at 0 for the default");
    }
    return chunk;
}

uint64_t drawSeed(uint64_t given) {
    if (given != 0) return given;
    uint64_t seed = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&seed), sizeof seed) != 1) {
        throw EraseError("the random number generator failed (RAND_bytes): check the system");
    }
    return seed;
}

std::vector<ByteRange> rangesToVerify(const Target& target, VerifyMode mode, uint64_t seed) {
    switch (mode) {
        case VerifyMode::Full:
            return {{0, target.size()}};
        case VerifyMode::Sample:
            return samplePlan(target.size(), target.logicalSector(), seed);
        case VerifyMode::None:
            break;
    }
    return {};
}

std::string describeBadRanges(const std::vector<ByteRange>& bad, const std::string& what) {
    return std::to_string(detail::totalLength(bad)) + " bytes in " + std::to_string(bad.size()) +
           " range(s) could not be " + what + " (first at byte " +
           std::to_string(bad.front().offset) + "): the device has bad sectors; destroy it";
}

class Job {
  public:
    // `watch`: told where the job stands at the start of each phase (the stall watchdog).
    Job(Target& target, const EraseOptions& options, detail::IoWatch* watch = nullptr)
        : target_(target),
          watch_(watch),
          options_(options),
          plan_(buildPlan(*options.method, options.blank)),
          verifyRanges_(rangesToVerify(target, options.verify, drawSeed(options.sampleSeed))),
          progress_(options.onProgress, options.progressInterval,
                    static_cast<int>(plan_.sources.size()), jobBytes()),
          control_{chooseChunk(target, options.chunkBytes), options.cancel, progress_,
                   std::nullopt} {}

    Report run() {
        report_.started = std::chrono::system_clock::now();
        report_.verifyMode = options_.verify;
        if (writeAllPasses() && verify()) {
            report_.outcome = Outcome::Erased;
            report_.failureReason.clear();
        }
        report_.ended = std::chrono::system_clock::now();
        return report_;
    }

  private:
    uint64_t jobBytes() const {
        return target_.size() * plan_.sources.size() + detail::totalLength(verifyRanges_);
    }
    int passCount() const { return static_cast<int>(plan_.sources.size()); }

    bool writeAllPasses() {
        for (std::size_t i = 0; i < plan_.sources.size(); ++i) {
            const int pass = static_cast<int>(i) + 1;
            if (watch_)
                watch_->phaseStarted(report_, Progress::Phase::Writing, "pass " + passOf(pass),
                                     plan_.descriptions[i]);
            progress_.beginPhase(Progress::Phase::Writing, pass, target_.size());
            PhaseOutcome out = detail::writePass(target_, *plan_.sources[i], control_);
            report_.passes.push_back({plan_.descriptions[i], out.bytesDone, out.errors});
            report_.bytesWritten += out.bytesDone;
            for (const ByteRange& r : out.errors) detail::addRange(report_.errorRanges, r);
            progress_.endPhase();
            if (out.cancelled)
                return stop(Outcome::Cancelled, "cancelled during pass " + passOf(pass));
            if (!out.fatal.empty())
                return stop(Outcome::Failed, "pass " + passOf(pass) + ": " + out.fatal);
            if (!out.errors.empty()) {
                return stop(Outcome::Failed, "pass " + passOf(pass) + ": " +
                                                 describeBadRanges(out.errors, "written"));
            }
        }
        return true;
    }

    bool verify() {
        if (options_.beforeVerify) options_.beforeVerify(*plan_.sources.back());
        if (options_.verify == VerifyMode::None) return true;
        const int last = passCount();
        if (watch_) watch_->phaseStarted(report_, Progress::Phase::Verifying, "verification", "");
        progress_.beginPhase(Progress::Phase::Verifying, last, detail::totalLength(verifyRanges_));
        PhaseOutcome out =
            detail::verifyRanges(target_, *plan_.sources.back(), verifyRanges_, control_);
        progress_.endPhase();
        report_.bytesVerified = out.bytesDone;
        report_.firstMismatchOffset = out.mismatchOffset;
        for (const ByteRange& r : out.errors) detail::addRange(report_.errorRanges, r);
        if (out.cancelled) return stop(Outcome::Cancelled, "cancelled during verification");
        report_.verifyResult = VerifyResult::Failed;
        if (!out.fatal.empty()) return stop(Outcome::Failed, "verification: " + out.fatal);
        if (out.mismatchOffset) {
            return stop(Outcome::Failed, "verification found a byte that differs from pass " +
                                             std::to_string(last) + " at byte " +
                                             std::to_string(*out.mismatchOffset) +
                                             ": the device does not keep what is written");
        }
        if (!out.errors.empty()) {
            return stop(Outcome::Failed, "verification: " + describeBadRanges(out.errors, "read"));
        }
        report_.verifyResult = VerifyResult::Passed;
        return true;
    }

    std::string passOf(int pass) const {
        return std::to_string(pass) + " of " + std::to_string(passCount());
    }
    bool stop(Outcome outcome, std::string reason) {
        report_.outcome = outcome;
        report_.failureReason = std::move(reason);
        return false;
    }

    Target& target_;
    detail::IoWatch* watch_;
    const EraseOptions& options_;
    PassPlan plan_;
    std::vector<ByteRange> verifyRanges_;
    detail::ProgressMeter progress_;
    detail::JobControl control_;
    Report report_;
};

void checkOptions(const EraseOptions& options) {
    if (!options.method) throw EraseError("no erasure method given: choose one from the catalog");
    if (options.method->hardware) {
        throw EraseError("method " + options.method->id +
                         " is a drive command: run it with sanitize::runHardwareErasure (as "
                         "`massho erase` does), not as overwrite passes");
    }
    if (options.method->passes.empty()) {
        throw EraseError("method " + options.method->id + " has no passes: fix the catalog");
    }
}

// Everything the job's thread touches under the watchdog, owned by it: once the watcher has
// left, nothing of the caller's is reached (its callbacks go through the watch, which drops
// them, and its cancel flag is mirrored into this one while the watcher runs).
class WatchedRun final : public detail::WatchedJob {
  public:
    WatchedRun(std::unique_ptr<Target> target, const EraseOptions& given)
        : WatchedJob(given.cancel && given.cancel->load()),  // asked before it starts: no chunk
          target_(std::move(target), watchPtr()),
          options_(jobOptions(given)),
          job_(target_, options_, &watch()) {}

    Report run() override { return job_.run(); }

  private:
    EraseOptions jobOptions(const EraseOptions& given) {
        EraseOptions o = given;
        o.cancel = &cancel();
        o.onProgress = [watch = &watch()](const Progress& p) { watch->post(p); };
        // A test's hook, called between phases (no device call in flight, so never after the
        // watcher has left).
        if (given.beforeVerify)
            o.beforeVerify = [watch = &watch(),
                              hook = given.beforeVerify](const PatternSource& lastPass) {
                if (!watch->abandoned()) hook(lastPass);
            };
        return o;
    }

    detail::WatchedTarget target_;
    EraseOptions options_;
    Job job_;
};

}  // namespace

Report runErasure(Target& target, const EraseOptions& options) {
    checkOptions(options);
    return Job(target, options).run();
}

bool waitForAbandonedJobs(std::chrono::milliseconds timeout) {
    return base::abandonedThreads().waitForNone(timeout);
}

Report runErasure(std::unique_ptr<Target> target, const EraseOptions& options) {
    checkOptions(options);
    // Closes the target before this returns, unless the job was given up (its thread keeps it).
    return detail::superviseJob(std::make_shared<WatchedRun>(std::move(target), options),
                                options.stallTimeout, options.cancel, options.onProgress);
}

}  // namespace massho::erase
