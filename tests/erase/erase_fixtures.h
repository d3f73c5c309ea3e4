#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "massho/erase/erasure.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::erase::test {

// A loop device of `size` bytes whose backing file starts filled with `fill`, so that a pass
// which skips anything shows.
struct FilledLoop {
    FilledLoop(uint64_t size, uint8_t fill, testsupport::LoopOptions options = {});
    testsupport::TempDir dir;
    std::unique_ptr<testsupport::LoopDevice> loop;
};

// Fills a file of `size` bytes with `byte`.
void writeFilledFile(const std::string& path, uint64_t size, uint8_t byte);
std::vector<uint8_t> readFile(const std::string& path);
// Shannon entropy in bits per byte.
double entropyBitsPerByte(const std::vector<uint8_t>& data);
// Offset of the first byte != `byte`, or -1.
int64_t firstNotEqual(const std::vector<uint8_t>& data, uint8_t byte);

// Options for `methodId` with its default verification and no progress.
EraseOptions optionsFor(const std::string& methodId);
Report erase(const std::string& path, const EraseOptions& options);

}  // namespace massho::erase::test
