#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "massho/erase/sanitize/drive_sanitize.h"

namespace massho::erase::sanitize::detail {

// While a blocking drive command runs (ATA SECURITY ERASE UNIT, NVMe Format NVM), reports progress
// as the time elapsed against the drive's own estimate, marked `estimated`, capped at 99 % until
// the command returns. Without an estimate it reports nothing. Stops on destruction.
class EstimateClock {
  public:
    EstimateClock(const DriveSanitizeOptions& options, std::string step,
                  std::chrono::seconds estimate);
    ~EstimateClock();
    EstimateClock(const EstimateClock&) = delete;
    EstimateClock& operator=(const EstimateClock&) = delete;

  private:
    void run();

    const DriveSanitizeOptions& options_;
    std::string step_;
    std::chrono::seconds estimate_;
    std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace massho::erase::sanitize::detail
