#include "cpu_meter.h"

#include <sys/resource.h>

#include <fstream>
#include <sstream>

namespace massho::bench {
namespace {

double seconds(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// User + system CPU seconds of this process (every thread) and of its children waited for.
double processCpuSeconds() {
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        total += seconds(usage.ru_utime) + seconds(usage.ru_stime);
    }
    return total;
}

// The "cpu" line of /proc/stat: jiffies not idle (idle and iowait are idle) and in total.
void machineJiffies(uint64_t& busy, uint64_t& total) {
    std::ifstream stat("/proc/stat");
    std::string cpu;
    uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    stat >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    busy = user + nice + system + irq + softirq + steal;
    total = busy + idle + iowait;
}

}  // namespace

CpuMeter::CpuMeter()
    : wallStart_(std::chrono::steady_clock::now()), cpuStart_(processCpuSeconds()) {
    machineJiffies(busyStart_, totalStart_);
}

CpuMeter::Reading CpuMeter::stop() const {
    Reading r;
    r.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart_).count();
    r.processCores = r.wallSeconds > 0 ? (processCpuSeconds() - cpuStart_) / r.wallSeconds : 0;
    uint64_t busy = 0, total = 0;
    machineJiffies(busy, total);
    if (total > totalStart_) {
        r.machineBusy =
            static_cast<double>(busy - busyStart_) / static_cast<double>(total - totalStart_);
    }
    return r;
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

}  // namespace massho::bench
