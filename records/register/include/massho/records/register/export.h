#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "massho/records/register/register.h"

namespace massho::records {

// Export folder layout (C2SP tlog-tiles, so third-party tile tools can read it), at the latest
// checkpoint's size N:
//   checkpoint                    the latest signed checkpoint note
//   tile/<L>/<path>[.p/<W>]       hash tiles (256 hashes of tree height 8·L per full tile)
//   tile/entries/<path>[.p/<W>]   entry bundles (each entry: 2-byte big-endian length ‖ bytes)
//   register.vkey                 the verifier key line(s), current key last
//   massho-checkpoints            every stored checkpoint: "<byte length>\n<note>" repeated
//   massho-cosignatures           "<size> <cosignature line>" per witness cosignature
//   README.txt                    what the files are
struct ExportResult {
    uint64_t size = 0;
    uint64_t files = 0;
};

// Writes into `outdir` (created; must be empty or absent).
ExportResult exportRegister(const Register& log, const std::string& vkeys,
                            const std::filesystem::path& outdir);

// tlog-tiles path element for a tile index: 1234067 -> "x001/x234/067".
std::string tilePath(uint64_t index);

}  // namespace massho::records
