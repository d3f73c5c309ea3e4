// Throughput of massho_image against Debian's `age` on the same file, side by side.
// Not a test (no timings in tests): run by hand, e.g. `image_age_benchmark 1024` (MiB).
// Both sides read the same file from the page cache and write to /dev/null.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "age_test_support.h"
#include "massho/image/age.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/temp_dir.h"

using namespace massho::image;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

template <typename F>
double timed(F&& f) {
    auto start = Clock::now();
    f();
    return seconds(start);
}

void runOrDie(const std::vector<std::string>& argv) {
    auto r = massho::testsupport::runCommand(argv);
    if (r.exitCode != 0) {
        std::cerr << argv[0] << " failed: " << r.err;
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    size_t mib = argc > 1 ? std::stoul(argv[1]) : 512;
    massho::testsupport::TempDir dir;
    auto plain = dir / "plain", theirs = dir / "theirs.age", key = dir / "key.txt";
    {
        std::ofstream out(plain, std::ios::binary);
        std::string block = test::randomText(1 << 20);
        for (size_t i = 0; i < mib; ++i)
            out.write(block.data(), static_cast<std::streamsize>(block.size()));
    }
    X25519Identity id = X25519Identity::generate();
    test::writeFile(key, id.toString() + "\n");
    std::string recipient = id.recipient().toString();
    runOrDie({"age", "-r", recipient, "-o", theirs.string(), plain.string()});  // warm cache

    double oursEnc = timed([&] {
        std::ifstream in(plain, std::ios::binary);
        std::ofstream out("/dev/null", std::ios::binary);
        encrypt(in, out, {id.recipient()});
    });
    double ageEnc = timed([&] {
        runOrDie({"age", "-r", recipient, "-o", "/dev/null", plain.string()});
    });
    double oursDec = timed([&] {
        std::ifstream in(theirs, std::ios::binary);
        std::ofstream out("/dev/null", std::ios::binary);
        std::vector<X25519Identity> ids;
        ids.push_back(id.clone());
        decrypt(in, out, ids);
    });
    double ageDec = timed([&] {
        runOrDie({"age", "-d", "-i", key.string(), "-o", "/dev/null", theirs.string()});
    });

    auto rate = [&](double s) { return static_cast<double>(mib) / s; };
    std::printf("%zu MiB          massho MiB/s   age MiB/s   massho/age\n", mib);
    std::printf("encrypt      %12.0f %11.0f %12.2f\n", rate(oursEnc), rate(ageEnc),
                ageEnc / oursEnc);
    std::printf("decrypt      %12.0f %11.0f %12.2f\n", rate(oursDec), rate(ageDec),
                ageDec / oursDec);
    return 0;
}
