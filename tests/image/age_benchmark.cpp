// Throughput of massho_image against Debian's `age` on the same file, in the same run.
// Not a test (no timings in tests): run by hand (tests/image/README.md), e.g.
//   image_age_benchmark --size-mib 1024 --rounds 3 --dir DIR
// Both sides read the same file from the page cache and write to /dev/null; the steps alternate
// (massho first in odd rounds, age first in even ones) and the medians are compared. Before
// timing, `age -d` must give back the plaintext from our file, and we from age's.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "age_test_support.h"
#include "cpu_meter.h"
#include "massho/image/age.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/temp_dir.h"

using namespace massho::image;
namespace fs = std::filesystem;
using massho::bench::CpuMeter;

namespace {

struct Options {
    size_t mib = 1024;
    int rounds = 3;
    fs::path dir;  // empty: a temporary folder, removed at the end
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--size-mib") {
            o.mib = std::stoul(argv[i + 1]);
        } else if (flag == "--rounds") {
            o.rounds = std::max(1, std::stoi(argv[i + 1]));
        } else if (flag == "--dir") {
            o.dir = argv[i + 1];
        } else {
            std::cerr << "usage: image_age_benchmark [--size-mib 1024] [--rounds 3] [--dir DIR]\n";
            std::exit(2);
        }
    }
    return o;
}

void runOrDie(const std::vector<std::string>& argv) {
    auto r = massho::testsupport::runCommand(argv);
    if (r.exitCode != 0) {
        std::cerr << argv[0] << " failed: " << r.err;
        std::exit(1);
    }
}

// Random bytes, 1 MiB repeated: kept in DIR between runs when it already has the right size.
fs::path plaintextFile(const fs::path& dir, size_t mib) {
    fs::path plain = dir / ("plain-" + std::to_string(mib) + "MiB");
    std::error_code ec;
    if (fs::file_size(plain, ec) == mib << 20) return plain;
    std::ofstream out(plain, std::ios::binary | std::ios::trunc);
    std::string block = test::randomText(1 << 20);
    for (size_t i = 0; i < mib; ++i)
        out.write(block.data(), static_cast<std::streamsize>(block.size()));
    if (!out.flush()) {
        std::cerr << "cannot write " << plain << "\n";
        std::exit(1);
    }
    return plain;
}

void oursEncrypt(const fs::path& plain, const fs::path& to, const X25519Identity& id) {
    std::ifstream in(plain, std::ios::binary);
    std::ofstream out(to, std::ios::binary);
    encrypt(in, out, {id.recipient()});
}

void oursDecrypt(const fs::path& cipher, const fs::path& to, const X25519Identity& id) {
    std::ifstream in(cipher, std::ios::binary);
    std::ofstream out(to, std::ios::binary);
    std::vector<X25519Identity> ids;
    ids.push_back(id.clone());
    decrypt(in, out, ids);
}

void requireSame(const fs::path& a, const fs::path& b, const char* what) {
    if (massho::testsupport::runCommand({"cmp", "-s", a.string(), b.string()}).exitCode != 0) {
        std::cerr << "check failed: " << what << "\n";
        std::exit(1);
    }
}

struct Step {
    const char* name;
    std::function<void()> run;
    std::vector<CpuMeter::Reading> readings;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double medianSeconds(const Step& s) {
    std::vector<double> v;
    for (const auto& r : s.readings) v.push_back(r.wallSeconds);
    return median(v);
}

}  // namespace

int main(int argc, char** argv) {
    Options o = parse(argc, argv);
    massho::testsupport::TempDir temp;
    fs::path dir = o.dir.empty() ? temp.path() : o.dir;
    fs::create_directories(dir);
    std::printf("image_age_benchmark: %zu MiB (%zu bytes), %d rounds, %u CPUs, in %s\n", o.mib,
                o.mib << 20, o.rounds, std::thread::hardware_concurrency(), dir.c_str());
    std::printf("load average at start: %s\n", massho::bench::loadAverage().c_str());

    fs::path plain = plaintextFile(dir, o.mib);
    fs::path theirs = dir / "theirs.age", ours = dir / "ours.age", back = dir / "back";
    fs::path key = dir / "key.txt";
    X25519Identity id = X25519Identity::generate();
    test::writeFile(key, id.toString() + "\n");
    std::string recipient = id.recipient().toString();

    runOrDie({"age", "-r", recipient, "-o", theirs.string(), plain.string()});
    oursEncrypt(plain, ours, id);
    runOrDie({"age", "-d", "-i", key.string(), "-o", back.string(), ours.string()});
    requireSame(plain, back, "age -d of our file differs from the plaintext");
    oursDecrypt(theirs, back, id);
    requireSame(plain, back, "our decryption of age's file differs from the plaintext");
    fs::remove(back);
    fs::remove(ours);
    std::printf("checked: `age -d` opens our file and we open age's, both to the plaintext\n");

    Step steps[] = {
        {"massho encrypt", [&] { oursEncrypt(plain, "/dev/null", id); }, {}},
        {"age encrypt",
         [&] {
             runOrDie({"age", "-r", recipient, "-o", "/dev/null", plain.string()});
         },
         {}},
        {"massho decrypt", [&] { oursDecrypt(theirs, "/dev/null", id); }, {}},
        {"age decrypt",
         [&] {
             runOrDie({"age", "-d", "-i", key.string(), "-o", "/dev/null", theirs.string()});
         },
         {}},
    };
    std::printf("\nround  step             seconds    MiB/s  cores used  CPU s  machine busy\n");
    for (int round = 1; round <= o.rounds; ++round) {
        // Odd rounds run massho first, even rounds age first, so drift in load evens out.
        int order[] = {0, 1, 2, 3};
        if (round % 2 == 0) order[0] = 1, order[1] = 0, order[2] = 3, order[3] = 2;
        for (int i : order) {
            CpuMeter meter;
            steps[i].run();
            auto r = steps[i].readings.emplace_back(meter.stop());
            std::printf("%5d  %-15s %8.2f %8.0f %11.2f %6.2f %12.0f%%\n", round, steps[i].name,
                        r.wallSeconds, static_cast<double>(o.mib) / r.wallSeconds, r.processCores,
                        r.processCores * r.wallSeconds, 100 * r.machineBusy);
        }
    }

    std::printf("\nmedian of %d  massho s  age s   massho MiB/s  age MiB/s  massho/age\n",
                o.rounds);
    for (int op = 0; op < 2; ++op) {
        double m = medianSeconds(steps[2 * op]), a = medianSeconds(steps[2 * op + 1]);
        std::printf("%-12s %9.2f %6.2f %14.0f %10.0f %11.2f\n", op == 0 ? "encrypt" : "decrypt", m,
                    a, static_cast<double>(o.mib) / m, static_cast<double>(o.mib) / a, a / m);
    }
    std::printf("load average at end: %s\n", massho::bench::loadAverage().c_str());
    return 0;
}
