#include <array>

#include "drive_steps.h"

namespace massho::erase::sanitize {
namespace {

using K = SanitizeError::Kind;

const char* actionName(ScsiSanitizeAction a) {
    switch (a) {
        case ScsiSanitizeAction::Overwrite:
            return "SANITIZE (OVERWRITE)";
        case ScsiSanitizeAction::BlockErase:
            return "SANITIZE (BLOCK ERASE)";
        case ScsiSanitizeAction::CryptoErase:
            return "SANITIZE (CRYPTOGRAPHIC ERASE)";
        case ScsiSanitizeAction::ExitFailureMode:
            break;
    }
    return "SANITIZE (EXIT FAILURE MODE)";
}

class ScsiSanitizeJob {
  public:
    ScsiSanitizeJob(SgIo& io, const DriveSanitizeOptions& o) : io_(io), options_(o) {}

    DriveSanitizeResult run(ScsiSanitizeAction action) {
        const std::string step = actionName(action);
        requireSupported(action, step);
        std::vector<uint8_t> parameters;
        if (action == ScsiSanitizeAction::Overwrite)
            parameters = scsiSanitizeOverwriteParameters(0, 1);
        ScsiCommand c;
        c.cdb = scsiSanitizeCdb(action, false, static_cast<uint16_t>(parameters.size()));
        c.direction = parameters.empty() ? DataDirection::None : DataDirection::ToDevice;
        c.data = parameters;
        c.what = step;
        try {
            if (checkScsiResult(io_.execute(c), step))
                throw SanitizeError(K::CommandFailed, step +
                                                          " was not accepted (CHECK "
                                                          "CONDITION): the drive did not start");
            result_.steps.push_back(step + ": started");
            poll(step);
        } catch (const SanitizeError& e) {
            result_.steps.push_back(e.what());
            result_.failure = e.what();
        }
        return result_;
    }

  private:
    void requireSupported(ScsiSanitizeAction action, const std::string& step) {
        std::array<uint8_t, 64> response{};
        ScsiCommand c;
        c.cdb = scsiReportOpcodeCdb(0x48, static_cast<int>(action), response.size());
        c.direction = DataDirection::FromDevice;
        c.data = response;
        c.what = "REPORT SUPPORTED OPERATION CODES";
        bool ok = false;
        try {
            ok = !checkScsiResult(io_.execute(c), "REPORT SUPPORTED OPERATION CODES") &&
                 scsiOpcodeSupported(response);
        } catch (const SanitizeError&) {
        }
        if (!ok)
            throw SanitizeError(K::Unsupported, "the drive does not report " + step +
                                                    " as supported: choose another method");
    }

    // SPC-5 §5.12 / SBC-4 §4.11: while sanitizing, REQUEST SENSE returns NOT READY, "LOGICAL UNIT
    // NOT READY, SANITIZE IN PROGRESS" (04h/1Bh) with a progress indication; afterwards NO SENSE,
    // or MEDIUM ERROR "SANITIZE COMMAND FAILED" (31h/03h).
    void poll(const std::string& step) {
        for (int i = 0; i < options_.maxPolls; ++i) {
            std::array<uint8_t, 32> sense{};
            ScsiCommand c;
            c.cdb = scsiRequestSenseCdb(static_cast<uint8_t>(sense.size()));
            c.direction = DataDirection::FromDevice;
            c.data = sense;
            c.what = "REQUEST SENSE";
            if (checkScsiResult(io_.execute(c), "REQUEST SENSE"))
                throw SanitizeError(K::CommandFailed, "REQUEST SENSE itself failed");
            const auto s = parseSense(sense);
            if (!s) throw SanitizeError(K::CommandFailed, "REQUEST SENSE returned no sense data");
            if (s->key == 0x0 || s->key == 0x1) {
                detail::report(options_, 1, false, step);
                result_.steps.push_back("REQUEST SENSE: sanitize complete after " +
                                        std::to_string(i + 1) + " poll(s)");
                result_.succeeded = true;
                return;
            }
            if (s->key != 0x2 || s->asc != 0x04 || s->ascq != 0x1B) {
                throw SanitizeError(K::CommandFailed,
                                    step + " failed: " + describeSense(*s) +
                                        "; the drive stays in failure mode until a sanitize "
                                        "succeeds: run the same method again");
            }
            if (s->progress) {
                result_.driveReportedProgress = true;
                detail::report(options_, *s->progress / 65536.0, false, step);
            }
            detail::pause(options_);
        }
        throw SanitizeError(K::CommandFailed, step + " did not complete within the polling limit");
    }

    SgIo& io_;
    const DriveSanitizeOptions& options_;
    DriveSanitizeResult result_;
};

}  // namespace

DriveSanitizeResult scsiSanitize(SgIo& io, ScsiSanitizeAction action,
                                 const DriveSanitizeOptions& options) {
    return ScsiSanitizeJob(io, options).run(action);
}

}  // namespace massho::erase::sanitize
