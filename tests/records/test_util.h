#pragma once

// Small helpers shared by the records tests.
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include "massho/records/register/clock.h"

namespace massho::records::test {

// 2025-11-25T18:20:00Z plus `offset`.
inline TimePoint testTime(std::chrono::seconds offset = std::chrono::seconds(0)) {
    return TimePoint(std::chrono::seconds(1764094800) + offset);
}

inline Clock fixedClock(TimePoint t = testTime()) {
    return [t] { return t; };
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string hexToBytes(const std::string& hex) {
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

}  // namespace massho::records::test
