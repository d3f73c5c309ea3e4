#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "massho/records/register/device_identity.h"

namespace massho::records {
class Register;
class MediaLedger;
}  // namespace massho::records

namespace massho::operations {

// The carry-out a returning medium came back from (Art. 13(9)-(10)).
struct CarryOutMatch {
    uint64_t index = 0;   // the carry-out entry
    std::string package;  // MASSHO-<id>.tar.age
    std::string asset;    // the medium's tag as the carry-out recorded it (older entries: package)
    int infoClass = 1;    // the class of the data that went out
};

// For a device with a serial, the media ledger answers first: a medium it knows by that serial
// as carried out names its carry-out entry; otherwise the latest written carry-out with the same
// device serial. For a device without one, the latest written carry-out with the same FAT volume
// serial; failing that — a volume a crypto-erase destroyed before it was killed, or a medium
// reformatted elsewhere — the ledger's carried-out medium recorded with the same path, model
// and size (DeviceIdentity::sameMedium). Carry-outs are found by their keys (entry_keys.h,
// schema version 10): the carry-outs of that medium are read, not the register.
std::optional<CarryOutMatch> findCarryOut(const records::Register& log,
                                          const records::MediaLedger* ledger,
                                          const records::DeviceIdentity& device,
                                          const std::string& volumeId);

// The `carry-in` entry that already recorded the return of carry-out `carryOutIndex`, if any:
// a medium comes back once per carry-out. Found by its key (entry_keys.h), not by a scan.
std::optional<uint64_t> findReturn(const records::Register& log, uint64_t carryOutIndex);

}  // namespace massho::operations
