// massho_erase_bench [SIZE_MIB] [ROUNDS]
// Times, on one loop device over a fresh file: dd's direct-I/O zero write, the engine's zero
// pass, random pass and full verification, and dd's direct-I/O read; then the engine's zero
// pass at several chunk sizes. Prints MB/s and the engine/dd ratios (best of ROUNDS each).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "massho/erase/erasure.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace {

using namespace massho;
using Clock = std::chrono::steady_clock;

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

double best(int rounds, const std::function<double()>& once) {
    double fastest = 1e300;
    for (int i = 0; i < rounds; ++i) fastest = std::min(fastest, once());
    return fastest;
}

double runDd(const std::vector<std::string>& argv) {
    const auto start = Clock::now();
    auto r = testsupport::runCommand(argv);
    const double s = seconds(Clock::now() - start);
    if (r.exitCode != 0) {
        std::fprintf(stderr, "dd failed: %s\n", r.err.c_str());
        std::exit(1);
    }
    return s;
}

struct EngineTimes {
    double write = 0;   // every pass written and flushed
    double verify = 0;  // full verification
    double flush = 0;   // of `write`: the final fdatasync of the last pass
};

EngineTimes runEngine(const std::string& device, const char* method, erase::VerifyMode verify,
                      std::size_t chunk) {
    auto target = erase::openTarget(device);
    erase::EraseOptions options;
    options.method = erase::findMethod(method);
    options.verify = verify;
    options.chunkBytes = chunk;
    Clock::time_point start = Clock::now(), written{};
    Clock::time_point lastChunk{};
    options.beforeVerify = [&](const erase::PatternSource&) { written = Clock::now(); };
    options.progressInterval = std::chrono::milliseconds(0);
    options.onProgress = [&](const erase::Progress& p) {
        if (p.phase == erase::Progress::Phase::Writing && p.bytesDone == p.bytesTotal &&
            lastChunk == Clock::time_point{}) {
            lastChunk = Clock::now();
        }
    };
    const erase::Report report = erase::runErasure(*target, options);
    const auto end = Clock::now();
    if (report.outcome != erase::Outcome::Erased) {
        std::fprintf(stderr, "engine failed: %s\n", report.failureReason.c_str());
        std::exit(1);
    }
    return {seconds(written - start), seconds(end - written), seconds(written - lastChunk)};
}

void benchDevice(const std::string& dev, uint64_t mib, int rounds, bool directIo);

}  // namespace

int main(int argc, char** argv) {
    const uint64_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2048;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 2;
    if (!testsupport::canUseLoopDevices() || mib < 64 || mib % 4 != 0 || rounds < 1) {
        std::fprintf(
            stderr, "usage (as root): massho_erase_bench [SIZE_MIB>=64, multiple of 4] [ROUNDS]\n");
        return 2;
    }
    const uint64_t size = mib << 20;
    testsupport::TempDir dir;
    for (bool directIo : {false, true}) {
        testsupport::LoopDevice loop(dir / "bench.img", size,
                                     testsupport::LoopOptions{.directIo = directIo});
        benchDevice(loop.path(), mib, rounds, directIo);
    }
    return 0;
}

namespace {

void benchDevice(const std::string& dev, uint64_t mib, int rounds, bool directIo) {
    const uint64_t size = mib << 20;
    const std::string count = "count=" + std::to_string(mib / 4);
    const std::vector<std::string> ddWrite{"dd",  "if=/dev/zero", "of=" + dev,  "bs=4M",
                                           count, "oflag=direct", "status=none"};
    std::vector<std::string> ddWriteSync = ddWrite;
    ddWriteSync.push_back("conv=fdatasync");
    const std::vector<std::string> ddRead{"dd",  "if=" + dev,    "of=/dev/null", "bs=4M",
                                          count, "iflag=direct", "status=none"};
    runDd(ddWrite);  // allocate the backing file once so that every run below sees the same file

    auto mbps = [&](double s) { return static_cast<double>(size) / s / 1e6; };
    auto engine = [&](const char* method, erase::VerifyMode verify, std::size_t chunk,
                      bool byVerify) {
        EngineTimes fastest{1e300, 1e300, 0};
        for (int i = 0; i < rounds; ++i) {
            EngineTimes t = runEngine(dev, method, verify, chunk);
            if (byVerify ? t.verify < fastest.verify : t.write < fastest.write) fastest = t;
        }
        return fastest;
    };
    const double ddW = best(rounds, [&] { return runDd(ddWrite); });
    const double ddWs = best(rounds, [&] { return runDd(ddWriteSync); });
    const EngineTimes zero = engine("zero", erase::VerifyMode::None, 0, false);
    const EngineTimes random = engine("random", erase::VerifyMode::None, 0, false);
    const double ddR = best(rounds, [&] { return runDd(ddRead); });
    const EngineTimes verifyRandom = engine("random", erase::VerifyMode::Full, 0, true);
    const EngineTimes verifyZero = engine("zero", erase::VerifyMode::Full, 0, true);

    std::printf("\ndevice %s (loop %s), %llu MiB, best of %d\n", dev.c_str(),
                directIo ? "--direct-io=on" : "buffered", static_cast<unsigned long long>(mib),
                rounds);
    std::printf("%-40s %8.1f MB/s\n", "dd zero write bs=4M oflag=direct", mbps(ddW));
    std::printf("%-40s %8.1f MB/s\n", "dd zero write ... conv=fdatasync", mbps(ddWs));
    auto pass = [&](const char* what, const EngineTimes& t) {
        std::printf(
            "%-40s %8.1f MB/s  ratio to dd %.3f, to dd+fdatasync %.3f (final flush %.2f s)\n", what,
            mbps(t.write), ddW / t.write, ddWs / t.write, t.flush);
    };
    pass("engine zero pass (incl. fdatasync)", zero);
    pass("engine random pass (incl. fdatasync)", random);
    std::printf("%-40s %8.1f MB/s\n", "dd read bs=4M iflag=direct", mbps(ddR));
    std::printf("%-40s %8.1f MB/s  ratio %.3f\n", "engine full verify (random)",
                mbps(verifyRandom.verify), ddR / verifyRandom.verify);
    std::printf("%-40s %8.1f MB/s  ratio %.3f\n", "engine full verify (zero)",
                mbps(verifyZero.verify), ddR / verifyZero.verify);
    for (std::size_t chunk : {1u << 20, 2u << 20, 4u << 20, 8u << 20}) {
        const EngineTimes t = engine("random", erase::VerifyMode::None, chunk, false);
        std::printf("random pass, chunk %zu MiB %20.1f MB/s  ratio to dd %.3f\n", chunk >> 20,
                    mbps(t.write), ddW / t.write);
    }
}

}  // namespace
