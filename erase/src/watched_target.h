#pragma once

#include <memory>

#include "io_watch.h"
#include "massho/erase/target.h"

namespace massho::erase::detail {

// A target whose every device call is timed by an IoWatch, for the stall watchdog. It owns the
// real target: if the watcher gives up on a call that never returns, the job's thread keeps this
// object, so the descriptor stays open (and the device held, O_EXCL) while the kernel still has
// the call, and no later open can be handed the same descriptor number while a call on it is
// pending. Once abandoned, every further call is refused with ENODEV without reaching the device,
// so the job ends as soon as the stuck call returns, and the descriptor is closed then.
class WatchedTarget final : public Target {
  public:
    WatchedTarget(std::unique_ptr<Target> target, std::shared_ptr<IoWatch> watch)
        : target_(std::move(target)), watch_(std::move(watch)) {}

    const std::string& path() const override { return target_->path(); }
    uint64_t size() const override { return target_->size(); }
    uint32_t logicalSector() const override { return target_->logicalSector(); }
    uint32_t physicalSector() const override { return target_->physicalSector(); }
    bool isBlockDevice() const override { return target_->isBlockDevice(); }
    bool directIo() const override { return target_->directIo(); }

    ssize_t writeAt(const uint8_t* data, std::size_t length, uint64_t offset) override;
    ssize_t readAt(uint8_t* data, std::size_t length, uint64_t offset) override;
    int flush() override;

  private:
    std::unique_ptr<Target> target_;
    std::shared_ptr<IoWatch> watch_;
};

}  // namespace massho::erase::detail
