#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

// The media ledger answers first: a medium it knows (by serial) as carried out names its
// carry-out entry. Otherwise the latest written carry-out with the same device serial or, for a
// device without one, the same FAT volume serial, found by its keys (entry_keys.h, schema
// version 10): the carry-outs of that medium are read, not the register.
std::optional<CarryOutMatch> findCarryOut(const records::Register& log,
                                          const records::MediaLedger* ledger,
                                          const std::string& serial, const std::string& volumeId);

// The `carry-in` entry that already recorded the return of carry-out `carryOutIndex`, if any:
// a medium comes back once per carry-out. Found by its key (entry_keys.h), not by a scan.
std::optional<uint64_t> findReturn(const records::Register& log, uint64_t carryOutIndex);

}  // namespace massho::operations
