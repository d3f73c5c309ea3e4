// massho_parallel_erase_bench [--size-mib N] [--dir DIR] [--rounds R] [--verify] [--per-device]
// Many drives at once, as masshod erases them: for 1, 2, 4 and 8 loop devices, the aggregate
// throughput of N threads in ONE process, each running an operations::ErasureJob with the
// `random` method (one AES-128-CTR pass) against its own records::Store on one data directory,
// beside N parallel dd writes of zeros and N parallel `openssl enc -aes-128-ctr | dd` on the same
// devices in the same run. Prints MB/s, the ratios to one device and to the peers, the CPU used
// and the machine's load. Root only (loop devices).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cpu_meter.h"
#include "massho/erase/method.h"
#include "massho/operations/erasure_job.h"
#include "massho/records/people/store.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"
#include "run_together.h"

namespace {

using namespace massho;
namespace fs = std::filesystem;

constexpr int kMaxDevices = 8;
const std::vector<int> kDeviceCounts{1, 2, 4, 8};

struct Options {
    uint64_t mib = 512;
    std::optional<fs::path> dir;
    int rounds = 1;
    bool verify = false;
    bool perDevice = false;
};

std::optional<Options> parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--size-mib" && hasValue) {
            o.mib = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--dir" && hasValue) {
            o.dir = argv[++i];
        } else if (arg == "--rounds" && hasValue) {
            o.rounds = static_cast<int>(std::strtol(argv[++i], nullptr, 10));
        } else if (arg == "--verify") {
            o.verify = true;
        } else if (arg == "--per-device") {
            o.perDevice = true;
        } else {
            return std::nullopt;
        }
    }
    if (o.mib < 64 || o.mib % 4 != 0 || o.rounds < 1) return std::nullopt;
    return o;
}

// Ctrl-C or SIGTERM: the running jobs are cancelled through their cancel flag and the bench
// stops after the current measurement, so that the loop devices and files are removed.
std::atomic<bool> stopRequested{false};

void requestStop(int) {
    stopRequested = true;
}

void stopOnSignals() {
    struct sigaction action {};
    action.sa_handler = requestStop;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

using SystemTime = std::chrono::system_clock::time_point;
struct EngineSpan {
    SystemTime started, ended;
};

void runOrThrow(const std::vector<std::string>& argv, const std::string& what) {
    const testsupport::CommandResult r = testsupport::runCommand(argv);
    if (r.exitCode != 0) throw std::runtime_error(what + " failed: " + r.err);
}

// dd's part of every peer: 4 MiB direct writes (massho's chunk size), then fdatasync as
// massho does at the end of its pass.
std::string ddWrite(const std::string& device, uint64_t mib) {
    return "dd of=" + device + " bs=4M count=" + std::to_string(mib / 4) +
           " oflag=direct conv=fdatasync status=none";
}

void ddZeros(const std::string& device, uint64_t mib) {
    runOrThrow({"sh", "-c", ddWrite(device, mib) + " if=/dev/zero"}, "dd");
}

// Random bytes at dd's cost: a file of random data, read from the page cache. In case the disk
// (or the host under a virtual disk) writes zeros faster than data.
void ddFile(const std::string& device, uint64_t mib, const fs::path& file) {
    runOrThrow({"sh", "-c", ddWrite(device, mib) + " if=" + file.string()}, "dd");
}

fs::path makeRandomFile(const fs::path& file, uint64_t mib) {
    runOrThrow({"dd", "if=/dev/urandom", "of=" + file.string(), "bs=4M",
                "count=" + std::to_string(mib / 4), "status=none"},
               "dd from /dev/urandom");
    return file;
}

// The same keystream work as massho, done by the openssl command line and piped to dd.
void opensslToDd(const std::string& device, uint64_t mib) {
    const std::string hex(32, '7');
    runOrThrow({"sh", "-c",
                "openssl enc -aes-128-ctr -K " + hex + " -iv " + hex +
                    " -in /dev/zero 2>/dev/null | " + ddWrite(device, mib) + " iflag=fullblock"},
               "openssl enc | dd");
}

// What masshod's worker thread does for one device: its own Store on the shared data directory
// (a SQLite connection is not shared across threads), one ErasureJob, its register entries.
// Returns when its engine ran (the report's start and end), without opening the store, guarding
// the device and appending the entries.
std::optional<EngineSpan> masshoErase(const fs::path& dataDir, const std::string& device,
                                      erase::VerifyMode verify) {
    records::Store store = records::Store::open(dataDir);
    operations::ErasureJobInput input;
    input.devicePath = device;
    input.method = erase::findMethod("random");
    input.verify = verify;
    input.protectedPaths = {dataDir};
    input.context.operatorId = "bench";
    input.context.purpose = "reuse";
    input.context.infoClass = 4;
    input.context.assetTag = "BENCH-" + fs::path(device).filename().string();
    input.clock = store.clock();
    operations::ErasureJob job(store.signedRegister(), std::move(input));
    const operations::ErasureJobResult result = job.run(&stopRequested, {});
    if (result.report.outcome != erase::Outcome::Erased) {
        throw std::runtime_error("massho on " + device + ": " + result.report.failureReason);
    }
    return EngineSpan{result.report.started, result.report.ended};
}

// massho only: the devices' data over the time from the first engine's start to the last one's
// end (without the store and the entries), and how far apart the engines started (the jobs
// append their erasure-started entries one at a time).
struct EngineFigures {
    double mbps = 0;
    double startSpreadSeconds = 0;
};

// One measurement: N workers at once.
struct Run {
    double aggregateMBps = 0;
    double slowestMBps = 0;  // the device that finished last
    double fastestMBps = 0;
    std::optional<EngineFigures> engines;  // massho only
    bench::CpuMeter::Reading cpu;
    std::vector<double> deviceMBps;  // each device from the common start to its end
};

std::optional<EngineFigures> engineFigures(const std::vector<std::optional<EngineSpan>>& spans,
                                           double bytes) {
    if (spans.empty() || !spans.front()) return std::nullopt;
    SystemTime first = spans.front()->started, lastStart = first, last = spans.front()->ended;
    for (const auto& span : spans) {
        first = std::min(first, span->started);
        lastStart = std::max(lastStart, span->started);
        last = std::max(last, span->ended);
    }
    auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
    return EngineFigures{static_cast<double>(spans.size()) * bytes / seconds(last - first) / 1e6,
                         seconds(lastStart - first)};
}

using Write = std::function<std::optional<EngineSpan>(const std::string& device)>;

Run measure(const std::vector<std::string>& devices, uint64_t mib, const Write& write) {
    const int n = static_cast<int>(devices.size());
    std::vector<std::optional<EngineSpan>> spans(devices.size());
    const bench::CpuMeter meter;
    const std::vector<double> seconds = bench::runTogether(n, [&](int i) {
        const auto k = static_cast<std::size_t>(i);
        spans[k] = write(devices[k]);
    });
    Run run;
    run.cpu = meter.stop();
    const double bytes = static_cast<double>(mib << 20);
    run.aggregateMBps = n * bytes / run.cpu.wallSeconds / 1e6;
    const auto [fastest, slowest] = std::minmax_element(seconds.begin(), seconds.end());
    run.slowestMBps = bytes / *slowest / 1e6;
    run.fastestMBps = bytes / *fastest / 1e6;
    for (double s : seconds) run.deviceMBps.push_back(bytes / s / 1e6);
    run.engines = engineFigures(spans, bytes);
    if (stopRequested) throw std::runtime_error("interrupted");
    return run;
}

struct Peer {
    std::string key;
    std::string label;
    Write write;
};

void printRun(const Peer& peer, int n, const Run& r, bool perDevice) {
    std::printf("  N=%d %-14s %7.1f MB/s", n, peer.label.c_str(), r.aggregateMBps);
    if (r.engines) {
        std::printf(" (engines %7.1f, started within %.2f s)", r.engines->mbps,
                    r.engines->startSpreadSeconds);
    }
    std::printf("  per device %6.1f..%6.1f  cpu %.2f cores, machine %3.0f%% busy, load %s\n",
                r.slowestMBps, r.fastestMBps, r.cpu.processCores, 100 * r.cpu.machineBusy,
                bench::loadAverage().c_str());
    if (perDevice && n > 1) {
        std::printf("      each device, MB/s:");
        for (double mbps : r.deviceMBps) std::printf(" %.1f", mbps);
        std::printf("\n");
    }
    (void)std::fflush(stdout);  // figures as they come; a closed terminal is no error here
}

// The run of each peer with the median aggregate throughput over the rounds.
using Results = std::map<std::string, std::map<int, std::vector<Run>>>;

Run median(const Results& results, const std::string& key, int n) {
    std::vector<Run> runs = results.at(key).at(n);
    std::sort(runs.begin(), runs.end(),
              [](const Run& a, const Run& b) { return a.aggregateMBps < b.aggregateMBps; });
    return runs[runs.size() / 2];
}

void printSummary(const Results& results, const std::vector<Peer>& peers) {
    auto mbps = [&](const std::string& key, int n) {
        return median(results, key, n).aggregateMBps;
    };
    std::printf(
        "\nmedian aggregate MB/s per N (xN=1: the same peer's ratio to one device; massho "
        "engines: the\nsame run from the first engine's start to the last one's end, without "
        "the store and the entries)\n");
    std::printf("%3s", "N");
    for (const Peer& p : peers) std::printf(" | %13s  xN=1", p.label.c_str());
    std::printf(" | massho/ dd zeros  dd random  openssl|dd | massho engines, cpu\n");
    for (int n : kDeviceCounts) {
        std::printf("%3d", n);
        for (const Peer& p : peers) {
            std::printf(" | %13.1f %5.2f", mbps(p.key, n), mbps(p.key, n) / mbps(p.key, 1));
        }
        const double massho = mbps("massho", n);
        const Run run = median(results, "massho", n);
        std::printf(" | %16.3f %9.3f %11.3f | %7.1f MB/s, %.2f cores\n", massho / mbps("dd", n),
                    massho / mbps("random", n), massho / mbps("openssl", n),
                    run.engines ? run.engines->mbps : 0, run.cpu.processCores);
    }
}

void printSetup(const Options& o, const fs::path& dir, int cpus) {
    std::printf("massho_parallel_erase_bench: %llu MiB per device, %d round(s), median printed\n",
                static_cast<unsigned long long>(o.mib), o.rounds);
    std::printf("devices: %d loop devices, losetup --direct-io=on, over sparse files in %s\n",
                kMaxDevices, dir.c_str());
    std::printf(
        "  (direct I/O: massho and dd both reach the backing file's disk, not its page "
        "cache; every file is written once before measuring so no run pays allocation)\n");
    std::printf("machine: %d CPUs, load average %s\n", cpus, bench::loadAverage().c_str());
    std::printf(
        "peers, measured in this run on the same devices, N at once:\n"
        "  dd zeros        dd if=/dev/zero bs=4M oflag=direct conv=fdatasync: zeros are the\n"
        "                  cheapest data, so massho/dd zeros is a conservative ratio\n"
        "  dd random       the same from a file of random bytes in the page cache: random data\n"
        "                  at dd's cost (a disk may write zeros faster than data)\n"
        "  openssl|dd      openssl enc -aes-128-ctr -in /dev/zero | dd (same) iflag=fullblock:\n"
        "                  the same keystream work as massho, one process pair per device\n"
        "  massho          N std::threads in this process, each an operations::ErasureJob with\n"
        "                  method random (one AES-128-CTR pass), verify none, its own\n"
        "                  records::Store; includes its erasure-started and erasure entries\n"
        "  massho+verify   the same with the method's default verification (sample)\n"
        "cpu = CPU seconds of this process and its children per wall second; machine busy\n"
        "= /proc/stat, everything (kernel loop workers, other users)\n\n");
}

int runBench(const Options& o) {
    if (o.dir) setenv("MASSHO_TEST_TMP", o.dir->c_str(), 1);
    const testsupport::TempDir dir;
    const fs::path dataDir = dir / "data";
    records::Store::create(dataDir, "bench.example/parallel", "admin", "",
                           "bench-admin-passphrase-1");
    std::vector<std::unique_ptr<testsupport::LoopDevice>> disks;
    for (int i = 0; i < kMaxDevices; ++i) {
        disks.push_back(std::make_unique<testsupport::LoopDevice>(
            dir / ("disk" + std::to_string(i) + ".img"), o.mib << 20,
            testsupport::LoopOptions{.directIo = true}));
        ddZeros(disks.back()->path(), o.mib);  // allocate the backing file before measuring
    }
    const fs::path randomFile = makeRandomFile(dir / "random.bin", o.mib);
    const int cpus = static_cast<int>(std::thread::hardware_concurrency());
    printSetup(o, dir.path(), cpus);

    std::vector<Peer> peers{
        {"dd", "dd zeros",
         [&](const std::string& d) {
             ddZeros(d, o.mib);
             return std::nullopt;
         }},
        {"random", "dd random",
         [&](const std::string& d) {
             ddFile(d, o.mib, randomFile);
             return std::nullopt;
         }},
        {"openssl", "openssl|dd",
         [&](const std::string& d) {
             opensslToDd(d, o.mib);
             return std::nullopt;
         }},
        {"massho", "massho",
         [&](const std::string& d) { return masshoErase(dataDir, d, erase::VerifyMode::None); }},
    };
    if (o.verify) {
        peers.push_back({"verify", "massho+verify", [&](const std::string& d) {
                             return masshoErase(dataDir, d,
                                                erase::findMethod("random")->defaultVerify);
                         }});
    }
    Results results;
    for (int round = 1; round <= o.rounds; ++round) {
        std::printf("round %d\n", round);
        for (int n : kDeviceCounts) {
            std::vector<std::string> devices;
            devices.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i)
                devices.push_back(disks[static_cast<std::size_t>(i)]->path());
            for (const Peer& peer : peers) {
                const Run run = measure(devices, o.mib, peer.write);
                printRun(peer, n, run, o.perDevice);
                results[peer.key][n].push_back(run);
            }
        }
    }
    printSummary(results, peers);
    std::printf("load average at the end: %s\n", bench::loadAverage().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parseOptions(argc, argv);
    if (!options) {
        std::fprintf(stderr,
                     "usage (as root): massho_parallel_erase_bench [--size-mib N (>=64, a "
                     "multiple of 4; default 512)] [--dir DIR (default $MASSHO_TEST_TMP or "
                     "/tmp)] [--rounds R] [--verify] [--per-device]\n");
        return 2;
    }
    if (!testsupport::canUseLoopDevices()) {
        std::fprintf(stderr,
                     "massho_parallel_erase_bench creates loop devices: run it as root "
                     "(with /dev/loop-control)\n");
        return 2;
    }
    stopOnSignals();
    try {
        return runBench(*options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "massho_parallel_erase_bench: %s\n", e.what());
        return 1;
    }
}
