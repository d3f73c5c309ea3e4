#pragma once

#include <optional>
#include <string_view>

namespace massho::erase {

// How an erasure is checked after its last pass.
//   None:   not at all.
//   Sample: NIST SP 800-88 style sampling (see sampling.h).
//   Full:   every byte is read back and compared.
enum class VerifyMode { None, Sample, Full };

// "none", "sample", "full".
std::string_view toString(VerifyMode mode);
std::optional<VerifyMode> parseVerifyMode(std::string_view text);

}  // namespace massho::erase
