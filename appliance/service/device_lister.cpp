#include "device_lister.h"

#include <mutex>

namespace massho::service {

// What the listing thread and the lister share: the lister itself, until it is gone.
struct DeviceLister::Shared {
    std::mutex mutex;
    DeviceLister* owner;
};

DeviceLister::DeviceLister(OptionsNow optionsNow, Apply apply, QObject* parent)
    : QObject(parent),
      optionsNow_(std::move(optionsNow)),
      apply_(std::move(apply)),
      shared_(std::make_shared<Shared>()) {
    shared_->owner = this;
}

DeviceLister::~DeviceLister() {
    {
        const std::lock_guard lock(shared_->mutex);
        shared_->owner = nullptr;  // a result posted already is dropped with this object's events
    }
    if (!thread_.joinable()) return;
    if (listing_)
        thread_.detach();  // it holds its own share of `shared_`
    else
        thread_.join();  // done already: it posted its result and is ending
}

void DeviceLister::request(Done done) {
    if (!listing_) {
        if (done) waiting_.push_back(std::move(done));
        start();
        return;
    }
    again_ = true;
    if (done) next_.push_back(std::move(done));
}

void DeviceLister::start() {
    if (thread_.joinable()) thread_.join();  // the last listing's thread, past its result
    listing_ = true;
    again_ = false;
    thread_ = std::thread([shared = shared_, options = optionsNow_()]() mutable {
        Listing listing;
        try {
            listing.devices = appliance::discoverDevices(options);
        } catch (...) {
            listing.error = std::current_exception();
        }
        listing.options = std::move(options);
        const std::lock_guard lock(shared->mutex);
        if (!shared->owner) return;
        DeviceLister* owner = shared->owner;
        QMetaObject::invokeMethod(
            owner,
            [owner, listing = std::move(listing)]() mutable { owner->finish(std::move(listing)); },
            Qt::QueuedConnection);
    });
}

void DeviceLister::finish(Listing listing) {
    listing_ = false;
    apply_(listing);
    std::vector<Done> done;
    done.swap(waiting_);
    waiting_.swap(next_);
    if (again_) start();
    for (const Done& callback : done) callback(listing.error);
}

}  // namespace massho::service
