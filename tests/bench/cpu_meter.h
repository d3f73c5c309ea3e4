#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace massho::bench {

// How busy the CPUs were while one measurement ran. Started on construction, read by stop().
// The process's own threads and its reaped children (dd, openssl) are counted by getrusage; the
// whole machine by /proc/stat, which also sees the kernel's loop workers and anyone else's load.
class CpuMeter {
  public:
    CpuMeter();

    struct Reading {
        double wallSeconds = 0;
        double processCores = 0;  // CPU seconds of this process and its children / wall seconds
        double machineBusy = 0;   // 0..1, share of all CPUs not idle (any process, the kernel)
    };
    Reading stop() const;

  private:
    std::chrono::steady_clock::time_point wallStart_;
    double cpuStart_;
    uint64_t busyStart_;
    uint64_t totalStart_;
};

// The three load averages of /proc/loadavg, e.g. "0.52 0.40 0.31".
std::string loadAverage();

}  // namespace massho::bench
