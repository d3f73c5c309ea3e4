#include "erase_fixtures.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace massho::erase::test {

FilledLoop::FilledLoop(uint64_t size, uint8_t fill, testsupport::LoopOptions options) {
    const std::string backing = (dir / "disk.img").string();
    writeFilledFile(backing, size, fill);
    loop = std::make_unique<testsupport::LoopDevice>(backing, options);
}

void writeFilledFile(const std::string& path, uint64_t size, uint8_t byte) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::vector<char> block(1 << 20, static_cast<char>(byte));
    for (uint64_t done = 0; done < size; done += block.size()) {
        out.write(block.data(),
                  static_cast<std::streamsize>(std::min<uint64_t>(block.size(), size - done)));
    }
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::vector<uint8_t> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double entropyBitsPerByte(const std::vector<uint8_t>& data) {
    std::array<uint64_t, 256> counts{};
    for (uint8_t b : data) ++counts[b];
    double bits = 0;
    for (uint64_t c : counts) {
        if (c == 0) continue;
        const double p = static_cast<double>(c) / static_cast<double>(data.size());
        bits -= p * std::log2(p);
    }
    return bits;
}

int64_t firstNotEqual(const std::vector<uint8_t>& data, uint8_t byte) {
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] != byte) return static_cast<int64_t>(i);
    }
    return -1;
}

EraseOptions optionsFor(const std::string& methodId) {
    EraseOptions options;
    options.method = findMethod(methodId);
    if (!options.method) throw std::runtime_error("no method " + methodId);
    options.verify = options.method->defaultVerify;
    return options;
}

Report erase(const std::string& path, const EraseOptions& options) {
    auto target = openTarget(path);
    return runErasure(*target, options);
}

}  // namespace massho::erase::test
