// massho_erase_bench [SIZE_MIB] [ROUNDS] [PATH_TO_MASSHO]
// Times, on one loop device over a fresh file: dd's direct-I/O zero write, the engine's zero
// pass, random pass and full verification, and dd's direct-I/O read; then the engine's zero
// pass at several chunk sizes. With PATH_TO_MASSHO, also the whole `massho erase --method zero`
// and `--method random` commands (login, guard, passes, register entry). Prints MB/s and the
// engine/dd ratios (median of ROUNDS each).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
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

// A data directory with an operator, for timing the real `massho erase` command.
struct Cli {
    std::string massho;
    std::string dataDir;
};

double runCliErase(const Cli& cli, const std::string& dev, const char* method) {
    const auto start = Clock::now();
    auto r =
        testsupport::runCommand({cli.massho, "--data-dir", cli.dataDir, "erase", dev, "--method",
                                 method, "--verify", "none", "--purpose", "reuse", "--class", "4",
                                 "--asset", "BENCH", "--as", "bench", "--password-stdin"},
                                "bench-operator-passphrase\n");
    const double s = seconds(Clock::now() - start);
    if (r.exitCode != 0) {
        std::fprintf(stderr, "massho erase failed: %s\n", r.err.c_str());
        std::exit(1);
    }
    return s;
}

std::optional<Cli> prepareCli(const char* massho, const testsupport::TempDir& dir) {
    if (!massho) return std::nullopt;
    Cli cli{massho, (dir / "data").string()};
    auto init = testsupport::runCommand({cli.massho, "--data-dir", cli.dataDir, "init", "--origin",
                                         "bench.example/r", "--admin", "admin", "--password-stdin"},
                                        "bench-admin-passphrase\n");
    auto add =
        testsupport::runCommand({cli.massho, "--data-dir", cli.dataDir, "user", "add", "bench",
                                 "--role", "operator", "--as", "admin", "--password-stdin"},
                                "bench-admin-passphrase\nbench-operator-passphrase\n");
    if (init.exitCode != 0 || add.exitCode != 0) {
        std::fprintf(stderr, "cannot prepare a data directory: %s%s\n", init.err.c_str(),
                     add.err.c_str());
        std::exit(1);
    }
    return cli;
}

void benchDevice(const std::string& dev, uint64_t mib, int rounds, bool directIo,
                 const std::optional<Cli>& cli);

}  // namespace

int main(int argc, char** argv) {
    const uint64_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2048;
    const int rounds = argc > 2 ? static_cast<int>(std::strtol(argv[2], nullptr, 10)) : 2;
    if (!testsupport::canUseLoopDevices() || mib < 64 || mib % 4 != 0 || rounds < 1) {
        std::fprintf(
            stderr, "usage (as root): massho_erase_bench [SIZE_MIB>=64, multiple of 4] [ROUNDS]\n");
        return 2;
    }
    const uint64_t size = mib << 20;
    testsupport::TempDir dir;
    const std::optional<Cli> cli = prepareCli(argc > 3 ? argv[3] : nullptr, dir);
    for (bool directIo : {false, true}) {
        testsupport::LoopDevice loop(dir / "bench.img", size,
                                     testsupport::LoopOptions{.directIo = directIo});
        benchDevice(loop.path(), mib, rounds, directIo, cli);
    }
    return 0;
}

namespace {

void benchDevice(const std::string& dev, uint64_t mib, int rounds, bool directIo,
                 const std::optional<Cli>& cli) {
    const uint64_t size = mib << 20;
    const std::string count = "count=" + std::to_string(mib / 4);
    const std::vector<std::string> ddWrite{"dd",  "if=/dev/zero", "of=" + dev,  "bs=4M",
                                           count, "oflag=direct", "status=none"};
    std::vector<std::string> ddWriteSync = ddWrite;
    ddWriteSync.push_back("conv=fdatasync");
    const std::vector<std::string> ddRead{"dd",  "if=" + dev,    "of=/dev/null", "bs=4M",
                                          count, "iflag=direct", "status=none"};
    runDd(ddWrite);  // allocate the backing file once so that every run below sees the same file

    // The machine is shared: each round runs dd and the engine back to back so that both see the
    // same conditions; the medians over the rounds are printed.
    std::map<std::string, std::vector<double>> secs;
    const std::vector<std::size_t> chunks{1u << 20, 2u << 20, 4u << 20, 8u << 20};
    for (int round = 0; round < rounds; ++round) {
        secs["ddW"].push_back(runDd(ddWrite));
        secs["ddWs"].push_back(runDd(ddWriteSync));
        const EngineTimes zero = runEngine(dev, "zero", erase::VerifyMode::Full, 0);
        secs["zero"].push_back(zero.write);
        secs["zeroFlush"].push_back(zero.flush);
        secs["verifyZero"].push_back(zero.verify);
        const EngineTimes random = runEngine(dev, "random", erase::VerifyMode::Full, 0);
        secs["random"].push_back(random.write);
        secs["randomFlush"].push_back(random.flush);
        secs["verifyRandom"].push_back(random.verify);
        secs["ddR"].push_back(runDd(ddRead));
        if (cli) {
            secs["cliZero"].push_back(runCliErase(*cli, dev, "zero"));
            secs["cliRandom"].push_back(runCliErase(*cli, dev, "random"));
        }
        for (std::size_t chunk : chunks) {
            secs["chunk" + std::to_string(chunk)].push_back(
                runEngine(dev, "random", erase::VerifyMode::None, chunk).write);
        }
        std::printf(
            "round %d: dd write %.2f s, zero %.2f s, random %.2f s | dd read %.2f s, "
            "verify zero %.2f s, verify random %.2f s\n",
            round + 1, secs["ddW"].back(), secs["zero"].back(), secs["random"].back(),
            secs["ddR"].back(), secs["verifyZero"].back(), secs["verifyRandom"].back());
    }
    auto median = [&](const std::string& key) {
        std::vector<double> v = secs.at(key);
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    // Median of the per-round ratios dd time / engine time.
    auto ratio = [&](const std::string& dd, const std::string& engine) {
        std::vector<double> r;
        for (std::size_t i = 0; i < secs.at(dd).size(); ++i) {
            r.push_back(secs.at(dd)[i] / secs.at(engine)[i]);
        }
        std::sort(r.begin(), r.end());
        return r[r.size() / 2];
    };
    auto mbps = [&](const std::string& key) {
        return static_cast<double>(size) / median(key) / 1e6;
    };

    std::printf("\ndevice %s (loop %s), %llu MiB, median of %d rounds\n", dev.c_str(),
                directIo ? "--direct-io=on" : "buffered", static_cast<unsigned long long>(mib),
                rounds);
    std::printf("%-44s %8.1f MB/s\n", "dd zero write bs=4M oflag=direct", mbps("ddW"));
    std::printf("%-44s %8.1f MB/s\n", "dd zero write ... conv=fdatasync", mbps("ddWs"));
    for (const char* pass : {"zero", "random"}) {
        std::printf(
            "%-44s %8.1f MB/s  ratio to dd %.3f, to dd+fdatasync %.3f (final flush %.2f s)\n",
            (std::string("engine ") + pass + " pass, incl. its fdatasync").c_str(), mbps(pass),
            ratio("ddW", pass), ratio("ddWs", pass), median(std::string(pass) + "Flush"));
    }
    if (cli) {
        for (const char* key : {"cliZero", "cliRandom"})
            std::printf("%-44s %8.1f MB/s  ratio to dd %.3f, to dd+fdatasync %.3f\n",
                        key == std::string("cliZero")
                            ? "massho erase --method zero (whole command)"
                            : "massho erase --method random (whole command)",
                        mbps(key), ratio("ddW", key), ratio("ddWs", key));
    }
    std::printf("%-44s %8.1f MB/s\n", "dd read bs=4M iflag=direct", mbps("ddR"));
    std::printf("%-44s %8.1f MB/s  ratio to dd %.3f\n", "engine full verify of a random pass",
                mbps("verifyRandom"), ratio("ddR", "verifyRandom"));
    std::printf("%-44s %8.1f MB/s  ratio to dd %.3f\n", "engine full verify of a zero pass",
                mbps("verifyZero"), ratio("ddR", "verifyZero"));
    for (std::size_t chunk : chunks) {
        const std::string key = "chunk" + std::to_string(chunk);
        std::printf("%-44s %8.1f MB/s  ratio to dd %.3f\n",
                    ("engine random pass, chunk " + std::to_string(chunk >> 20) + " MiB").c_str(),
                    mbps(key), ratio("ddW", key));
    }
}

}  // namespace
