#pragma once

#include <cstdint>
#include <string>

namespace massho::records {

// Which physical medium a device is, as read from the device (never typed by a person). Approvals
// (requests.h) and the media ledger (media_ledger.h) both decide "same medium" with this one rule,
// so that an approval and a ledger row can never disagree about which medium is meant.
struct DeviceIdentity {
    std::string path;
    std::string model;
    std::string serial;
    uint64_t sizeBytes = 0;

    // Same medium: equal serials when this identity has one; a device without a serial
    // (loop devices, some card readers) must match path, model and size instead. Nothing else
    // identifies such a device, and its path is reused by the next device attached there: two
    // serial-less media of the same model and size at the same path cannot be told apart.
    bool sameMedium(const DeviceIdentity& actual) const;
    std::string describe() const;
};

// The model as erasures and approvals record it: "VENDOR MODEL", or the model alone when the device
// names no vendor. The ledger keeps the two apart (manufacturer, model) and joins them here.
std::string deviceModel(const std::string& vendor, const std::string& model);

}  // namespace massho::records
