#pragma once

#include <QObject>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "massho/appliance/block_device.h"
#include "massho/appliance/devices.h"

namespace massho::service {

// Lists the block devices on a thread of its own, so that a probe waiting on a slow or busy disk
// (libblkid reads every disk; identify commands) never stalls the service's main loop: logins,
// job progress and Cancel go on answering. One listing at a time; requests that arrive during a
// listing coalesce into one more after it. Everything but the listing itself happens on the
// owner's (main) thread: the options are taken and the result handed over there.
class DeviceLister : public QObject {
    Q_OBJECT

  public:
    struct Listing {
        appliance::GuardOptions options;  // as the listing was asked for
        std::vector<appliance::BlockDevice> devices;
        std::exception_ptr error;  // set when discovery failed; devices then empty
    };
    using OptionsNow = std::function<appliance::GuardOptions()>;
    using Apply = std::function<void(const Listing&)>;
    using Done = std::function<void(const std::exception_ptr& error)>;

    // `optionsNow` is asked as each listing starts; `apply` gets each result, before the `done`
    // callbacks that waited for it.
    DeviceLister(OptionsNow optionsNow, Apply apply, QObject* parent = nullptr);
    // Never waits for a listing in progress (it may wait on a disk for minutes): that thread is
    // left to end on its own, and its result is dropped.
    ~DeviceLister() override;
    DeviceLister(const DeviceLister&) = delete;
    DeviceLister& operator=(const DeviceLister&) = delete;

    // Asks for a listing that starts after this call; `done` (may be empty) runs once it ended.
    void request(Done done = {});

  private:
    struct Shared;
    void start();
    void finish(Listing listing);

    OptionsNow optionsNow_;
    Apply apply_;
    std::shared_ptr<Shared> shared_;  // shared with the listing thread
    std::thread thread_;
    bool listing_ = false;
    bool again_ = false;
    std::vector<Done> waiting_;  // for the listing in progress
    std::vector<Done> next_;     // for the one after it
};

}  // namespace massho::service
