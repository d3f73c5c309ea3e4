#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "../io_watch.h"
#include "massho/erase/sanitize/device_io.h"

namespace massho::erase::sanitize::detail {

// How long a drive command may take before the stall timeout starts to count: nothing for one
// that is given the usual kCommandTimeoutMs (it answers as a write does), its own time limit
// for one that runs long (SECURITY ERASE UNIT: the drive's estimate with a margin; NVMe Format).
std::chrono::milliseconds ownTime(uint32_t timeoutMs);

// The drive's command channels with every command timed by an IoWatch (the stall watchdog), as
// WatchedTarget times writes and reads. They own the real channel: when the watcher gives up on a
// command, the job's thread keeps them, and the descriptor, until it returns. From then on a
// command is refused (ENODEV) without reaching the drive, unless it undoes what the job set on the
// drive (ScsiCommand::undo: the ATA password), which is sent as soon as the drive answers again,
// untimed (nobody is left to watch it).
class WatchedSgIo final : public SgIo {
  public:
    WatchedSgIo(std::unique_ptr<SgIo> io, std::shared_ptr<erase::detail::IoWatch> watch)
        : io_(std::move(io)), watch_(std::move(watch)) {}
    ScsiStatus execute(const ScsiCommand& command) override;

  private:
    std::unique_ptr<SgIo> io_;
    std::shared_ptr<erase::detail::IoWatch> watch_;
};

class WatchedNvmeAdmin final : public NvmeAdmin {
  public:
    WatchedNvmeAdmin(std::unique_ptr<NvmeAdmin> nvme, std::shared_ptr<erase::detail::IoWatch> watch)
        : nvme_(std::move(nvme)), watch_(std::move(watch)) {}
    NvmeCompletion execute(const NvmeAdminCommand& command) override;
    uint32_t namespaceId() override;

  private:
    std::unique_ptr<NvmeAdmin> nvme_;
    std::shared_ptr<erase::detail::IoWatch> watch_;
};

}  // namespace massho::erase::sanitize::detail
