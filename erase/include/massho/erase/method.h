#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "massho/erase/media.h"
#include "massho/erase/verify_mode.h"

namespace massho::erase {

// One overwrite pass as data.
struct PassSpec {
    enum class Kind {
        Constant,    // bytes[0] everywhere
        Repeating,   // bytes repeated, phase following the absolute device offset
        Random,      // AES-128-CTR keystream with a fresh per-pass key
        Complement,  // every byte of pass `complementOf` (1-based) inverted
    };
    Kind kind = Kind::Constant;
    std::vector<uint8_t> bytes;
    int complementOf = 0;

    static PassSpec constant(uint8_t byte);
    static PassSpec repeating(std::vector<uint8_t> bytes);
    static PassSpec random();
    static PassSpec complement(int passNumber);

    // "0x00", "0x92 0x49 0x24", "random (AES-128-CTR)", "complement of pass 1".
    std::string describe() const;
};

// One erasure method of the catalog.
struct Method {
    std::string id, name, description;
    bool hardware = false;         // a sanitize command of the drive (erase/sanitize)
    std::vector<PassSpec> passes;  // empty for hardware methods
    VerifyMode defaultVerify = VerifyMode::Sample;
    std::array<NistLevel, kMediaTypeCount> nist{};  // indexed by MediaType

    NistLevel nistLevel(MediaType type) const { return nist[static_cast<std::size_t>(type)]; }
};

// The whole catalog (one table, see catalog.cpp), in display order.
const std::vector<Method>& catalog();

// nullptr when `id` is not in the catalog.
const Method* findMethod(std::string_view id);

}  // namespace massho::erase
