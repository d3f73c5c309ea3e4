#include "drive_steps.h"
#include "massho/erase/sanitize/ata_identify.h"

namespace massho::erase::sanitize {
namespace {

using K = SanitizeError::Kind;

// ACS-3 §7.43.6 SANITIZE STATUS EXT output: COUNT bit 15 completed without error, bit 14 in
// progress, bit 13 frozen; LBA 15:0 progress (/65535).
struct SanitizeState {
    bool completed = false, inProgress = false, frozen = false;
    uint16_t progress = 0;
};

SanitizeState stateOf(const AtaRegisters& r) {
    return {(r.count & 0x8000) != 0, (r.count & 0x4000) != 0, (r.count & 0x2000) != 0,
            static_cast<uint16_t>(r.lba & 0xFFFF)};
}

struct ActionInfo {
    const char* name;
    AtaCommand command;
};

ActionInfo actionInfo(AtaSanitizeAction action, const AtaIdentity& id) {
    switch (action) {
        case AtaSanitizeAction::CryptoScramble:
            if (id.cryptoScrambleSupported)
                return {"SANITIZE CRYPTO SCRAMBLE EXT", ataSanitizeCryptoScramble(false)};
            break;
        case AtaSanitizeAction::BlockErase:
            if (id.blockEraseSupported)
                return {"SANITIZE BLOCK ERASE EXT", ataSanitizeBlockErase(false)};
            break;
        case AtaSanitizeAction::Overwrite:
            if (id.overwriteSupported)
                return {"SANITIZE OVERWRITE EXT", ataSanitizeOverwrite(0, 1, false)};
            break;
    }
    throw SanitizeError(K::Unsupported,
                        "the drive does not support this SANITIZE command (IDENTIFY word 59): "
                        "choose a method listed in `massho devices --json` capabilities");
}

class AtaSanitizeJob {
  public:
    AtaSanitizeJob(SgIo& io, const DriveSanitizeOptions& o) : ata_(io, result_), options_(o) {}

    DriveSanitizeResult run(AtaSanitizeAction action) {
        auto block = ata_.identify();
        const ActionInfo info = actionInfo(action, parseAtaIdentify(block));
        const SanitizeState before =
            stateOf(ata_.run(ataSanitizeStatus(false), "SANITIZE STATUS EXT"));
        if (before.frozen)
            throw SanitizeError(K::Frozen,
                                "SANITIZE is frozen (SANITIZE FREEZE LOCK): power "
                                "cycle the drive, then try again");
        if (before.inProgress)
            throw SanitizeError(K::Unsupported,
                                "a sanitize is already running on this drive: "
                                "wait for it to finish");
        try {
            ata_.run(info.command, info.name);
            poll(info.name);
        } catch (const SanitizeError& e) {
            result_.failure = e.what();
        }
        return result_;
    }

  private:
    void poll(const std::string& step) {
        for (int i = 0; i < options_.maxPolls; ++i) {
            AtaRegisters r;
            try {
                r = ata_.run(ataSanitizeStatus(false), "SANITIZE STATUS EXT", {}, 30'000, false);
            } catch (const SanitizeError& e) {
                // ERR in the status: the sanitize failed (ACS-3 §7.43.6 error outputs).
                throw SanitizeError(K::CommandFailed,
                                    step + " failed (" + e.what() +
                                        "): the drive stays in the Sanitize Operation Failed "
                                        "state until a sanitize succeeds; run it again");
            }
            const SanitizeState s = stateOf(r);
            if (s.completed && !s.inProgress) {
                detail::report(options_, 1, false, step);
                result_.steps.push_back("SANITIZE STATUS EXT: completed without error after " +
                                        std::to_string(i + 1) + " poll(s)");
                result_.succeeded = true;
                return;
            }
            if (!s.inProgress) {
                throw SanitizeError(K::CommandFailed,
                                    step + " ended without completing: run it again");
            }
            result_.driveReportedProgress = true;
            detail::report(options_, s.progress / 65535.0, false, step);
            detail::pause(options_);
        }
        throw SanitizeError(K::CommandFailed,
                            step +
                                " is still running after the polling limit: leave the drive "
                                "powered and check it with SANITIZE STATUS later");
    }

    DriveSanitizeResult result_;
    detail::AtaChannel ata_;
    const DriveSanitizeOptions& options_;
};

}  // namespace

DriveSanitizeResult ataSanitize(SgIo& io, AtaSanitizeAction action,
                                const DriveSanitizeOptions& options) {
    return AtaSanitizeJob(io, options).run(action);
}

}  // namespace massho::erase::sanitize
