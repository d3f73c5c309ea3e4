#pragma once

// A register that looks like years of a city's daily work, for the benchmarks: media registered
// and put in use, erasure requests approved and used, erasures, certificates, disposals and
// witnessed destructions, interleaved as the days interleave them. The read paths an officer uses
// daily (records_daily_reads_bench) only mean something on such a mix.
#include <cstdint>
#include <filesystem>
#include <string>

namespace massho::records::bench {

// The people the mix acts as; all share kMixPassword.
inline constexpr const char* kMixAdmin = "admin";
inline constexpr const char* kMixOperator = "sato";
inline constexpr const char* kMixDataManager = "tanaka";
inline constexpr const char* kMixOfficer = "kimura";
inline constexpr const char* kMixPassword = "bench-password-123";

// Simulated time: the first entry is written at this moment and each one ~280 s after the one
// before (about 300 entries a day: a million entries are nine years of work).
inline constexpr int64_t kMixStartUnix = 1491004800;  // 2017-04-01T00:00:00Z
inline constexpr int64_t kMixSecondsPerEntry = 280;

// How many media are open (registered, in use, not yet erased) at any time: what
// `media list --state in-use` answers.
inline constexpr uint64_t kMixOpenMedia = 2000;

// Creates `dir` (which must not hold a register) and appends the mix until the register holds at
// least `size` entries; the media ledger is folded at the end. Prints its progress and rate.
void buildDailyMix(const std::filesystem::path& dir, uint64_t size);

}  // namespace massho::records::bench
