// Benchmark (not a test): appends per second with fsync, verify time, proof size.
// Usage: records_register_bench [DIR] [SIZE...]   (default sizes: 100000; DIR removed after)
//        records_register_bench --report DIR SIZE...  (the verification report: registers built
//            into DIR/verify-SIZE once and kept, e.g. --report /work/benchdata/verify 100000
//            1000000)
//        records_register_bench --verify DATA_DIR [all]   (time verification of an existing one)
//        records_register_bench --build DATA_DIR SIZE     (make one to verify repeatedly)
//        records_register_bench --build DATA_DIR SIZE --mix   (a daily mix of acts: daily_mix.h)
//        records_register_bench --appends DIR COUNT       (fsync ceiling and appends only)
// Prints figures; the targets: >= 1,000 appends/s, default verify of 1,000,000 entries <= 2 s on
// 2 cores with memory that does not grow with the register.
#include <openssl/evp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../daily_mix.h"
#include "cpu_meter.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/database.h"
#include "massho/records/register/verify.h"

using namespace massho::records;
namespace fs = std::filesystem;
using Seconds = std::chrono::duration<double>;

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return Seconds(std::chrono::steady_clock::now() - start).count();
}

std::string erasureEntry(uint64_t k) {
    return EntryBuilder("erasure")
        .set("asset", "PC-" + std::to_string(k))
        .set("device", "/dev/sdb")
        .set("method", "dod-3")
        .set("result", "erased")
        .set("by", "operator1")
        .set("approved_by", "manager1")
        .set("bytes", int64_t{500107862016})
        .finish();
}

// The machine is shared: every figure is printed with the load average it was measured under.
std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return "load " + one + " " + five + " " + fifteen;
}

// The ceiling for one-transaction-per-append: how many 4 KiB write + fdatasync pairs this
// filesystem completes per second (a WAL commit is at least that).
void benchFsync(const fs::path& dir, int n = 1000) {
    fs::create_directories(dir);
    fs::path file = dir / "fsync-probe";
    {
        // A FILE only to own the descriptor (written with pwrite, never through its buffer).
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> probe(std::fopen(file.c_str(), "wbe"),
                                                              &std::fclose);
        if (!probe) throw std::runtime_error("cannot create " + file.string());
        const int fd = ::fileno(probe.get());
        std::vector<char> page(4096, 'x');
        auto start = std::chrono::steady_clock::now();
        for (int k = 0; k < n; ++k)
            if (::pwrite(fd, page.data(), page.size(), static_cast<off_t>(k) * 4096) !=
                    static_cast<ssize_t>(page.size()) ||
                ::fdatasync(fd) != 0)
                throw std::runtime_error("write/fdatasync failed in " + dir.string());
        double s = since(start);
        std::printf("raw 4 KiB write+fdatasync on this filesystem: %.0f/s (%.0f us each) [%s]\n",
                    n / s, s / n * 1e6, loadAverage().c_str());
    }
    fs::remove(file);
}

// Appends of ready-made entries (building one costs a random salt and a serialisation, not
// counted): one transaction each, then group commits of `group` entries via appendAll. Every
// entry gets its own signed (and verified) checkpoint either way; synchronous=FULL throughout.
void benchAppends(const fs::path& dir, int n = 1000) {
    Store store = Store::create(dir, "bench.example/massho", "admin", "", "bench-password-123");
    std::vector<std::string> entries;
    entries.reserve(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) entries.push_back(erasureEntry(static_cast<uint64_t>(k)));
    auto start = std::chrono::steady_clock::now();
    for (const std::string& e : entries) store.signedRegister().append(e);
    double s = since(start);
    std::printf("appends, one transaction (fsync) each: %d in %.2f s = %.0f appends/s [%s]\n", n, s,
                n / s, loadAverage().c_str());
    for (size_t group : {10, 100}) {
        start = std::chrono::steady_clock::now();
        for (size_t k = 0; k < entries.size(); k += group)
            store.signedRegister().appendAll(std::vector<std::string>(
                entries.begin() + static_cast<long>(k),
                entries.begin() + static_cast<long>(std::min(entries.size(), k + group))));
        s = since(start);
        std::printf(
            "appends, appendAll of %zu (one fsync per group, a checkpoint per entry): %d in "
            "%.2f s = %.0f appends/s [%s]\n",
            group, n, s, n / s, loadAverage().c_str());
    }
}

// Builds a register of `size` entries in `dir` (10,000 appends per transaction). The build rate
// is also kept in DIR/bench-build.txt, for reports that reuse the register.
void buildRegister(const fs::path& dir, uint64_t size) {
    Store store = Store::create(dir, "bench.example/massho", "admin", "", "bench-password-123");
    auto start = std::chrono::steady_clock::now();
    const uint64_t batch = 10000;
    for (uint64_t done = store.signedRegister().size(); done < size;) {
        Transaction tx(store.database());
        for (uint64_t k = 0; k < batch && done < size; ++k, ++done)
            store.signedRegister().append(erasureEntry(done));
        tx.commit();
    }
    double s = since(start);
    char line[200];
    std::snprintf(line, sizeof line,
                  "built %llu entries (10,000 per transaction) in %.1f s = %.0f appends/s [%s]",
                  static_cast<unsigned long long>(size), s, static_cast<double>(size) / s,
                  loadAverage().c_str());
    std::printf("%s\n", line);
    std::ofstream(dir / "bench-build.txt") << line << "\n";
    std::string proof = store.signedRegister().proof(size / 2);
    std::printf("proof for entry %llu of %llu: %zu bytes of c2sp.org/tlog-proof@v1 text\n",
                static_cast<unsigned long long>(size / 2), static_cast<unsigned long long>(size),
                proof.size());
    store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void benchVerify(const fs::path& dir, uint64_t size) {
    buildRegister(dir, size);
    for (bool all : {false, true}) {
        VerifyOptions options;
        options.allSignatures = all;
        auto start = std::chrono::steady_clock::now();
        VerifyReport r = verifyRegister(dir, options);
        double s = since(start);
        std::printf("verify %llu entries, %s: %.2f s (%llu signatures checked) %s [%s]\n",
                    static_cast<unsigned long long>(r.entries),
                    all ? "--all-signatures" : "default", s,
                    static_cast<unsigned long long>(r.signaturesChecked), r.ok ? "OK" : "FAILED",
                    loadAverage().c_str());
    }
}

// ---- the verification report (--report) ----

struct ChildRun {
    double wallSeconds = 0, cpuSeconds = 0;
    long peakRssKiB = 0;
    std::string result;  // what the child printed
};

// Runs `work` in a child process: its own peak RSS and CPU time, whatever ran before here.
template <class Work>
ChildRun inChild(Work work) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        ::close(fds[0]);
        const std::string out = work();
        const ssize_t written = ::write(fds[1], out.data(), out.size());
        ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    ChildRun run;
    char buffer[512];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        run.result.append(buffer, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    run.wallSeconds = since(start);
    run.cpuSeconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.peakRssKiB = usage.ru_maxrss;
    return run;
}

// The floor: read the same entry bytes from the SQLite file and SHA-256 each with OpenSSL, on
// one thread, nothing else. Returns how many bytes.
uint64_t readAndHashEntries(const fs::path& dir) {
    Database db(dir / "massho.db", Database::Mode::ReadOnly);
    Statement entries(db, "SELECT bytes FROM entries ORDER BY idx");
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    uint64_t bytes = 0;
    while (entries.step()) {
        const std::string_view entry = entries.blobView(0);
        if (EVP_DigestInit_ex2(ctx.get(), EVP_sha256(), nullptr) != 1 ||
            EVP_DigestUpdate(ctx.get(), entry.data(), entry.size()) != 1 ||
            EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
            throw std::runtime_error("SHA-256 failed");
        bytes += entry.size();
    }
    return bytes;
}

std::string verifyResult(const fs::path& dir, bool all) {
    VerifyOptions options;
    options.allSignatures = all;
    VerifyReport r = verifyRegister(dir, options);
    return std::to_string(r.entries) + " entries, " + std::to_string(r.signaturesChecked) +
           " signatures checked, " + (r.ok ? std::string("OK") : "FAILED: " + r.problem);
}

std::string loadLine(const massho::bench::CpuMeter::Reading& r) {
    char text[160];
    std::snprintf(text, sizeof text, "load %s, machine %.0f%% busy, this run %.2f cores",
                  massho::bench::loadAverage().c_str(), r.machineBusy * 100, r.processCores);
    return text;
}

// Builds DIR/verify-SIZE unless it holds a register already, then measures it.
void reportVerify(const fs::path& root, uint64_t size, bool allSignatures) {
    const fs::path dir = root / ("verify-" + std::to_string(size));
    std::printf("== %llu entries (%s)\n", static_cast<unsigned long long>(size), dir.c_str());
    if (!fs::exists(dir / "massho.db")) {
        buildRegister(dir, size);
    } else {
        std::ifstream kept(dir / "bench-build.txt");
        std::string line;
        std::getline(kept, line);
        std::printf("build (measured when it was built): %s\n",
                    line.empty() ? "not recorded" : line.c_str());
    }
    readAndHashEntries(dir);  // the page cache warm for both, as an auditor's second run
    massho::bench::CpuMeter floorMeter;
    const uint64_t bytes = readAndHashEntries(dir);
    const auto floor = floorMeter.stop();
    const double floorCpu = floor.wallSeconds * floor.processCores;
    std::printf(
        "floor (read the entries from SQLite + SHA-256 each, OpenSSL, 1 thread): %.3f s, "
        "%.2f CPU-s for %.0f MB [%s]\n",
        floor.wallSeconds, floorCpu, static_cast<double>(bytes) / 1e6, loadLine(floor).c_str());
    for (bool all : {false, true}) {
        if (all && !allSignatures) break;
        massho::bench::CpuMeter meter;
        const ChildRun run = inChild([&] { return verifyResult(dir, all); });
        const auto reading = meter.stop();
        // Under load the wall-clock ratio says little; the CPU-seconds ratio less so.
        std::printf(
            "verify %s: %.2f s = %.2fx the floor, %.2f CPU-s = %.2fx the floor's, peak RSS "
            "%.0f MB; %s [%s]\n",
            all ? "--all-signatures" : "(default)", run.wallSeconds,
            run.wallSeconds / floor.wallSeconds, run.cpuSeconds, run.cpuSeconds / floorCpu,
            static_cast<double>(run.peakRssKiB) / 1024, run.result.c_str(),
            loadLine(reading).c_str());
    }
    Store store = Store::open(dir, Store::Access::ReadOnly);
    std::printf("proof for entry %llu of %llu: %zu bytes of c2sp.org/tlog-proof@v1 text\n",
                static_cast<unsigned long long>(size / 2), static_cast<unsigned long long>(size),
                store.signedRegister().proof(size / 2).size());
}

int runBench(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--verify") {
        VerifyOptions options;
        options.allSignatures = argc > 3 && std::string(argv[3]) == "all";
        auto start = std::chrono::steady_clock::now();
        VerifyReport r = verifyRegister(argv[2], options);
        std::printf("verify %llu entries (%s): %.2f s, %llu signatures checked, %s [%s]\n",
                    static_cast<unsigned long long>(r.entries),
                    options.allSignatures ? "--all-signatures" : "default", since(start),
                    static_cast<unsigned long long>(r.signaturesChecked),
                    r.ok ? "OK" : r.problem.c_str(), loadAverage().c_str());
        return r.ok ? 0 : 1;
    }
    if (argc == 4 && std::string(argv[1]) == "--appends") {
        benchFsync(argv[2]);
        benchAppends(fs::path(argv[2]) / "appends", std::stoi(argv[3]));
        return 0;
    }
    if (argc > 3 && std::string(argv[1]) == "--report") {
        // MASSHO_BENCH_SKIP_ALL=1: leave out --all-signatures (minutes at a million entries).
        const bool all = !std::getenv("MASSHO_BENCH_SKIP_ALL");
        for (int i = 3; i < argc; ++i) reportVerify(argv[2], std::stoull(argv[i]), all);
        return 0;
    }
    if (argc == 5 && std::string(argv[1]) == "--build" && std::string(argv[4]) == "--mix") {
        massho::records::bench::buildDailyMix(argv[2], std::stoull(argv[3]));
        return 0;
    }
    if (argc == 4 && std::string(argv[1]) == "--build") {
        buildRegister(argv[2], std::stoull(argv[3]));
        return 0;
    }
    fs::path root = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "massho-bench";
    std::vector<uint64_t> sizes;
    for (int i = 2; i < argc; ++i) sizes.push_back(std::stoull(argv[i]));
    if (sizes.empty()) sizes.push_back(100000);
    fs::remove_all(root);
    benchFsync(root);
    benchAppends(root / "appends");
    for (uint64_t size : sizes) benchVerify(root / ("verify-" + std::to_string(size)), size);
    fs::remove_all(root);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    (void)std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
    try {
        return runBench(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "records_register_bench: %s\n", e.what());
        return 1;
    }
}
