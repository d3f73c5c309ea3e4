#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace massho::image {

// Crypto-erase of a medium this appliance made: the age header holds the only wrapped
// copies of the file key, so destroying every header makes the payload undecryptable at once,
// before the slower overwrite of the whole medium.
struct HeaderWipeResult {
    std::vector<uint64_t> offsets;  // byte offsets of every age header found and destroyed
    uint64_t bytesScanned = 0;
};

// Scans the whole device sector by sector (files on FAT start on a sector boundary) for
// "age-encryption.org/v1\n", overwrites each header up to and including its MAC line (bounded)
// with random bytes, fsyncs and reads the sectors back to check. What it cannot reach (flash
// blocks the controller remapped) is why an overwrite follows and why the NIST level stays Clear.
// Throws CarryOutError(Failed) on an I/O error.
HeaderWipeResult destroyAgeHeaders(const std::string& device);

}  // namespace massho::image
