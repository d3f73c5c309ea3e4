#pragma once

#include <filesystem>

namespace massho::appliance {

// Every filesystem root the discovery and the guard read. Tests point these at a fake tree in a
// temporary folder; production uses the defaults.
struct SystemPaths {
    std::filesystem::path sys = "/sys";
    std::filesystem::path dev = "/dev";
    std::filesystem::path mountinfo = "/proc/self/mountinfo";
    std::filesystem::path swaps = "/proc/swaps";

    // True when every root is the real one (then libudev and stat() of real paths are consulted).
    bool isRealSystem() const;
};

}  // namespace massho::appliance
