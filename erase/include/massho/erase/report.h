#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/erase/verify_mode.h"

namespace massho::erase {

struct ByteRange {
    uint64_t offset = 0;
    uint64_t length = 0;
    uint64_t end() const { return offset + length; }
    bool operator==(const ByteRange&) const = default;
};

enum class Outcome { Erased, Failed, Cancelled };    // "erased", "failed", "cancelled"
enum class VerifyResult { NotRun, Passed, Failed };  // "not-run", "passed", "failed"
std::string_view toString(Outcome outcome);
std::string_view toString(VerifyResult result);

struct PassRecord {
    std::string description;        // e.g. "0x00", "random (AES-128-CTR)", "complement of pass 1"
    uint64_t bytesWritten = 0;      // bytes the device accepted (excludes unwritable ranges)
    std::vector<ByteRange> errors;  // unwritable ranges (sector granular, merged, sorted)
};

// The result of one erasure job. Erased only when every pass wrote every byte and the
// verification (if any) passed.
struct Report {
    Outcome outcome = Outcome::Failed;
    std::string failureReason;       // one line; empty when erased
    std::vector<PassRecord> passes;  // passes actually started, incl. the blank pass if any
    VerifyMode verifyMode = VerifyMode::None;
    VerifyResult verifyResult = VerifyResult::NotRun;
    std::optional<uint64_t> firstMismatchOffset;  // exact byte offset of the first wrong byte
    uint64_t bytesVerified = 0;                   // bytes read back and compared
    uint64_t bytesWritten = 0;                    // sum over passes
    std::vector<ByteRange> errorRanges;  // union over passes and verification (merged, sorted)
    std::chrono::system_clock::time_point started, ended;
};

}  // namespace massho::erase
