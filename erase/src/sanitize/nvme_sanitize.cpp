#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "drive_steps.h"
#include "massho/erase/sanitize/nvme_identify.h"

namespace massho::erase::sanitize {
namespace {

using K = SanitizeError::Kind;
using State = NvmeSanitizeStatus::State;

const char* actionName(NvmeSanitizeAction a) {
    switch (a) {
        case NvmeSanitizeAction::BlockErase:
            return "Sanitize (SANACT=2 block erase)";
        case NvmeSanitizeAction::Overwrite:
            return "Sanitize (SANACT=3 overwrite)";
        case NvmeSanitizeAction::CryptoErase:
            return "Sanitize (SANACT=4 crypto erase)";
        case NvmeSanitizeAction::ExitFailureMode:
            break;
    }
    return "Sanitize (SANACT=1 exit failure mode)";
}

// SANICAP (Identify Controller bytes 331:328) bits 0..2.
bool supported(const NvmeController& c, NvmeSanitizeAction a) {
    switch (a) {
        case NvmeSanitizeAction::CryptoErase:
            return c.sanitizeCrypto;
        case NvmeSanitizeAction::BlockErase:
            return c.sanitizeBlock;
        case NvmeSanitizeAction::Overwrite:
            return c.sanitizeOverwrite;
        case NvmeSanitizeAction::ExitFailureMode:
            break;
    }
    return false;
}

// Sanitize Status log bytes 19:8 (NVMe Base 2.0 §5.16.1.25): the controller's own estimate, in
// seconds, of each action; FFFFFFFFh (and 0, which no real action takes) when it gives none.
std::optional<uint32_t> estimateOf(const NvmeSanitizeStatus& s, NvmeSanitizeAction a) {
    uint32_t seconds = 0;
    switch (a) {
        case NvmeSanitizeAction::Overwrite:
            seconds = s.estimateOverwrite;
            break;
        case NvmeSanitizeAction::BlockErase:
            seconds = s.estimateBlock;
            break;
        case NvmeSanitizeAction::CryptoErase:
            seconds = s.estimateCrypto;
            break;
        case NvmeSanitizeAction::ExitFailureMode:
            break;
    }
    if (seconds == 0 || seconds == 0xFFFF'FFFFu) return std::nullopt;
    return seconds;
}

class NvmeSanitizeJob {
  public:
    NvmeSanitizeJob(NvmeAdmin& nvme, const DriveSanitizeOptions& o) : nvme_(nvme), options_(o) {}

    DriveSanitizeResult run(NvmeSanitizeAction action) {
        std::array<uint8_t, kNvmeIdentifyBytes> data{};
        detail::runNvmeAdmin(nvme_, nvmeIdentifyController(data), "Identify Controller", result_);
        if (!supported(parseNvmeController(data), action))
            throw SanitizeError(K::Unsupported,
                                std::string("the controller does not support ") +
                                    actionName(action) +
                                    " (SANICAP): choose a method listed in its capabilities");
        const NvmeSanitizeStatus before = readLog(true);
        if (before.state == State::InProgress)
            throw SanitizeError(K::Unsupported,
                                "a sanitize is already running on this drive: "
                                "wait for it to finish");
        const std::string step = actionName(action);
        try {
            // AUSE=0: should it fail, only a successful sanitize leaves the failure mode.
            detail::runNvmeAdmin(nvme_, nvmeSanitize(action, false, 1, 0), step, result_);
            poll(step, estimateOf(before, action));
        } catch (const SanitizeError& e) {
            result_.failure = e.what();
        }
        return result_;
    }

  private:
    NvmeSanitizeStatus readLog(bool record) {
        std::array<uint8_t, kNvmeSanitizeLogBytes> log{};
        detail::runNvmeAdmin(nvme_, nvmeGetSanitizeLog(log), "Get Log Page (Sanitize Status)",
                             result_, record);
        return parseNvmeSanitizeLog(log);
    }

    // How many polls the sanitize is given: its own estimate, and a half, and 30 minutes more (as
    // ATA SECURITY ERASE UNIT's time limit); without an estimate, options.maxPolls (a day).
    int pollLimit(std::optional<uint32_t> estimate) const {
        if (!estimate) return options_.maxPolls;
        const int64_t interval = std::max<int64_t>(1, options_.pollInterval.count());
        const int64_t allowedMs = (int64_t{*estimate} * 3 / 2 + 30 * 60) * 1000;
        return static_cast<int>(std::min<int64_t>(allowedMs / interval + 1, INT32_MAX));
    }

    // NVMe Base 2.0 §8.21: the controller works in the background and reports in log 81h.
    void poll(const std::string& step, std::optional<uint32_t> estimate) {
        const int limit = pollLimit(estimate);
        for (int i = 0; i < limit; ++i) {
            const NvmeSanitizeStatus s = readLog(false);
            if (s.state == State::Succeeded || s.state == State::SucceededNoDeallocate) {
                detail::report(options_, 1, false, step);
                result_.steps.push_back("Sanitize Status: completed successfully after " +
                                        std::to_string(i + 1) + " poll(s)" +
                                        (s.globalDataErased ? ", global data erased" : ""));
                result_.succeeded = true;
                return;
            }
            if (s.state == State::Failed) {
                result_.steps.push_back("Sanitize Status: failed");
                throw SanitizeError(K::CommandFailed,
                                    step +
                                        " failed (Sanitize Status log: SSTAT 3h, e.g. power "
                                        "lost mid-sanitize): the drive stays in restricted "
                                        "failure mode until a sanitize succeeds; run the "
                                        "same method again");
            }
            if (s.state == State::InProgress) {
                result_.driveReportedProgress = true;
                detail::report(options_, s.progress / 65536.0, false, step);
            }
            detail::pause(options_);
        }
        const std::string within = estimate ? "within the controller's own estimate (" +
                                                  std::to_string(*estimate) +
                                                  " s) and a half, plus 30 minutes"
                                            : "within the polling limit";
        throw SanitizeError(K::CommandFailed,
                            step + " did not report completion " + within +
                                ": leave the drive powered and check its Sanitize Status log");
    }

    NvmeAdmin& nvme_;
    const DriveSanitizeOptions& options_;
    DriveSanitizeResult result_;
};

}  // namespace

DriveSanitizeResult nvmeSanitize(NvmeAdmin& nvme, NvmeSanitizeAction action,
                                 const DriveSanitizeOptions& options) {
    return NvmeSanitizeJob(nvme, options).run(action);
}

}  // namespace massho::erase::sanitize
