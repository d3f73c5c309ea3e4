#pragma once

#include <span>
#include <string>
#include <thread>

#include "massho/erase/sanitize/ata_command.h"
#include "massho/erase/sanitize/drive_sanitize.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "massho/erase/sanitize/sense.h"

namespace massho::erase::sanitize::detail {

// Sends ATA commands through SG_IO and records every step for the register.
class AtaChannel {
  public:
    AtaChannel(SgIo& io, DriveSanitizeResult& result) : io_(io), result_(result) {}

    // Throws SanitizeError from checkAtaResult; records "<what>: ok" or the error (polls pass
    // record = false so that the register is not flooded).
    AtaRegisters run(const AtaCommand& command, const std::string& what,
                     std::span<uint8_t> data = {}, uint32_t timeoutMs = kCommandTimeoutMs,
                     bool record = true);
    // IDENTIFY DEVICE into a fresh block (not recorded as a step).
    std::array<uint8_t, 512> identify();
    // From here on every command undoes what the job set (ScsiCommand::undo): the stall watchdog
    // lets them through once the drive answers again.
    void undoing() { undoing_ = true; }

  private:
    SgIo& io_;
    DriveSanitizeResult& result_;
    bool undoing_ = false;
};

inline void pause(const DriveSanitizeOptions& o) {
    if (o.sleep) {
        o.sleep(o.pollInterval);
    } else {
        std::this_thread::sleep_for(o.pollInterval);
    }
}

inline void report(const DriveSanitizeOptions& o, double fraction, bool estimated,
                   const std::string& step) {
    if (o.onProgress) o.onProgress(DriveProgress{fraction, estimated, step});
}

}  // namespace massho::erase::sanitize::detail

namespace massho::erase::sanitize::detail {
// Runs one NVMe admin command, records "<what>: ok" or the error, throws SanitizeError on error.
void runNvmeAdmin(NvmeAdmin& nvme, const NvmeAdminCommand& c, const std::string& what,
                  DriveSanitizeResult& result, bool record = true);
}  // namespace massho::erase::sanitize::detail
