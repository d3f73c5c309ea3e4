// Benchmark (not a test): the read paths a records officer uses daily, on a big register.
// Usage: records_daily_reads_bench DATA_DIR [SIZE]
//   When DATA_DIR holds no register, builds one first: SIZE entries (default 1,000,000) of the
//   daily mix (daily_mix.h; ~20-40 minutes on 2 cores). Then runs each command's work through the
//   library, as the command does after its password check (never timed: scrypt is deliberately
//   slow), each time on a store opened afresh like a new `massho` process, and prints one line
//   per command: the median wall time of 5 runs and their median CPU time (the command's own
//   work when other processes compete for the cores), what one run read (rows handed back by
//   SQLite, rows a full table scan stepped over, SQLite VM steps) and the machine's load while it
//   ran. The lists write their text as the command does (to /dev/null): media list, request list
//   and certificate list's CSV. Each run of "open ledger (+1 entry)" appends one medium-moved entry
//   to DATA_DIR.
// Target (issue 17): every line <= 100 ms at 1,000,000 entries.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../bench/cpu_meter.h"
#include "daily_mix.h"
#include "massho/operations/carryout_match.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/ledger/media_list_text.h"
#include "massho/records/papers/certificate.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/papers/disposal_list.h"
#include "massho/records/papers/media_reports.h"
#include "massho/records/papers/table_report.h"
#include "massho/records/people/request_list_text.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/verify.h"

using namespace massho::records;
using namespace massho::records::bench;
namespace fs = std::filesystem;

namespace {

constexpr int kRuns = 5;

// CPU time of this (single-threaded) process: under load, the command's own work, where the wall
// time also counts the waits for a core.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Measured {
    double ms = 0;
    double cpuMs = 0;
    ReadWork work;
    size_t answer = 0;  // rows in the command's answer
};

// One command: `run` opens what it needs from `dir` and returns the size of its answer; the
// store's ReadWork after it is what it read.
using Command = std::function<size_t(Store&)>;

Measured once(const fs::path& dir, Store::Access access, const Command& run,
              const std::function<void()>& setup) {
    if (setup) setup();  // not timed
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuMs();
    Store store = Store::open(dir, access);
    Measured m;
    m.answer = run(store);
    m.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    m.cpuMs = cpuMs() - cpuStart;
    m.work = store.database().work();  // a fresh connection: all it read is this command's
    return m;
}

void report(const char* name, const fs::path& dir, Store::Access access, const Command& run,
            const std::function<void()>& setup = {}) {
    once(dir, access, run, setup);  // warms the page cache as any earlier command would have
    massho::bench::CpuMeter meter;
    std::vector<double> times, cpuTimes;
    Measured last;
    for (int k = 0; k < kRuns; ++k) {
        last = once(dir, access, run, setup);
        times.push_back(last.ms);
        cpuTimes.push_back(last.cpuMs);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    const auto cpu = meter.stop();
    std::printf(
        "%-44s %9.1f ms %8.1f cpu-ms %9llu rows %9llu scan %11llu vm %7zu answer  [load %s, busy "
        "%.0f%%]\n",
        name, times[kRuns / 2], cpuTimes[kRuns / 2],
        static_cast<unsigned long long>(last.work.rows),
        static_cast<unsigned long long>(last.work.fullScanSteps),
        static_cast<unsigned long long>(last.work.vmSteps), last.answer,
        massho::bench::loadAverage().c_str(), cpu.machineBusy * 100);
}

// A command that opens no store (it reads files): time and CPU time only.
void reportFiles(const char* name, const std::function<size_t()>& run) {
    run();  // warms the page cache
    massho::bench::CpuMeter meter;
    std::vector<double> times, cpuTimes;
    size_t answer = 0;
    for (int k = 0; k < kRuns; ++k) {
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = cpuMs();
        answer = run();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        cpuTimes.push_back(cpuMs() - cpuStart);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    const auto cpu = meter.stop();
    std::printf(
        "%-44s %9.1f ms %8.1f cpu-ms %9d rows %9d scan %11d vm %7zu answer  [load %s, busy "
        "%.0f%%]\n",
        name, times[kRuns / 2], cpuTimes[kRuns / 2], 0, 0, 0, answer,
        massho::bench::loadAverage().c_str(), cpu.machineBusy * 100);
}

// The export folder of the register as it is now, written once (not timed).
fs::path exportFolder(const fs::path& dir, uint64_t size) {
    fs::path out = dir.string() + "-export";
    Store store = Store::open(dir);
    if (fs::exists(out / "checkpoint") &&
        verifyRegister(out).entries == store.signedRegister().size())
        return out;
    fs::remove_all(out);
    store.exportTo(out);
    std::printf("exported %llu entries to %s\n", static_cast<unsigned long long>(size),
                out.c_str());
    return out;
}

// What the register holds that the commands ask about, found once (not timed).
struct Targets {
    uint64_t size = 0;
    uint64_t recentErasure = 0;
    std::string recentTag;
    std::string day;   // the JST day before the last entry's
    std::string year;  // the last full year
};

Targets findTargets(const fs::path& dir) {
    Store store = Store::open(dir, Store::Access::ReadOnly);
    Register& log = store.signedRegister();
    Targets t;
    t.size = log.size();
    log.forEach(
        [&](uint64_t index, const std::string& bytes) {
            if (!entryHasKind(bytes, EntryKind::Erasure)) return;
            const EntryFields f = parseEntry(bytes);
            t.recentErasure = index;
            t.recentTag = entryText(f, "asset");
            const std::string ended = entryText(f, "ended");
            const auto day = parseDate(ended.substr(0, 10));
            if (day) t.day = formatDate(TimePoint(*day - std::chrono::days(1)));
            t.year = std::to_string(std::stoi(ended.substr(0, 4)) - 1);
        },
        t.size > 200 ? t.size - 200 : 0);
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    (void)std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines as they come, if it can
    if (argc < 2) {
        std::fprintf(stderr, "usage: records_daily_reads_bench DATA_DIR [SIZE]\n");
        return 2;
    }
    const fs::path dir = argv[1];
    if (!fs::exists(dir / Store::kDatabaseFile))
        massho::records::bench::buildDailyMix(dir, argc > 2 ? std::stoull(argv[2]) : 1000000);
    {
        const auto start = std::chrono::steady_clock::now();
        Store::open(dir);  // applies any migration the file still needs, once
        std::printf("first read-write open (migrations, once): %.1f s [load %s]\n",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                    massho::bench::loadAverage().c_str());
    }
    const Targets t = findTargets(dir);
    std::printf("register of %llu entries; recent erasure %llu (%s), day %s, year %s\n",
                static_cast<unsigned long long>(t.size),
                static_cast<unsigned long long>(t.recentErasure), t.recentTag.c_str(),
                t.day.c_str(), t.year.c_str());
    const auto rw = Store::Access::ReadWrite;
    const auto ro = Store::Access::ReadOnly;
    report("open store", dir, rw, [](Store&) { return size_t{0}; });
    report("open ledger (caught up)", dir, rw, [](Store& s) {
        MediaLedger ledger(s.database(), s.signedRegister());
        return size_t{0};
    });
    // One entry appended since the ledger last caught up (not timed): a medium's move as
    // another process would have recorded it before this command opens the ledger.
    const std::string movedTag = [&] {
        Store s = Store::open(dir);
        return MediaLedger(s.database(), s.signedRegister()).list(MediaState::InUse).front().tag;
    }();
    const auto oneMove = [&] {
        Store s = Store::open(dir);
        s.signedRegister().append(EntryBuilder(EntryKind::MediumMoved)
                                      .set("asset", movedTag)
                                      .set("from", "in-use")
                                      .set("to", "in-use")
                                      .set("location", std::to_string(s.signedRegister().size()))
                                      .set("write_protected", int64_t{0})
                                      .set("by", kMixOperator)
                                      .finish());
    };
    report(
        "open ledger (+1 entry)", dir, rw,
        [](Store& s) {
            MediaLedger ledger(s.database(), s.signedRegister());
            return size_t{0};
        },
        oneMove);
    // The lists' text goes where `massho … > /dev/null` sends it.
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> devNullFile(std::fopen("/dev/null", "w"),
                                                                      &std::fclose);
    std::FILE* devNull = devNullFile.get();
    report("media list (text)", dir, rw, [&](Store& s) {
        return writeMediaList(MediaLedger(s.database(), s.signedRegister()), std::nullopt, devNull);
    });
    report("media list --state in-use (text)", dir, rw, [&](Store& s) {
        return writeMediaList(MediaLedger(s.database(), s.signedRegister()), MediaState::InUse,
                              devNull);
    });
    report("media show TAG", dir, rw, [&](Store& s) {
        MediaLedger ledger(s.database(), s.signedRegister());
        return static_cast<size_t>(ledger.find(t.recentTag).has_value()) +
               ledger.history(t.recentTag).size();
    });
    report("register show INDEX", dir, ro, [&](Store& s) {
        return s.signedRegister().entry(t.size - 1).empty() ? size_t{0} : size_t{1};
    });
    report("register proof INDEX", dir, ro, [&](Store& s) {
        return s.signedRegister().proof(t.size / 2).empty() ? size_t{0} : size_t{1};
    });
    report("certificate N (recent erasure, no PDF)", dir, rw, [&](Store& s) {
        prepareCertificate(s.signedRegister(), s.origin(), t.recentErasure, kMixOfficer, s.clock());
        return size_t{1};
    });
    report("certificate batch --date DAY (no PDF)", dir, rw, [&](Store& s) {
        const auto indexes = selectErasures(s.signedRegister(), t.day, std::nullopt);
        for (uint64_t index : indexes)
            prepareCertificate(s.signedRegister(), s.origin(), index, kMixOfficer, s.clock());
        return indexes.size();
    });
    report("certificate list --from/--to a year (CSV)", dir, ro, [&](Store& s) {
        const auto rows = disposalRows(s.signedRegister(), t.year + "-01-01", t.year + "-12-31");
        const std::string csv = disposalListCsv(rows);
        (void)std::fwrite(csv.data(), 1, csv.size(), devNull);  // timed, not kept
        return rows.size();
    });
    report("request list (text)", dir, rw, [&](Store& s) {
        return writeRequestList(s.requests(), std::nullopt, s.clock()(), devNull);
    });
    report("request list --state pending (text)", dir, rw, [&](Store& s) {
        return writeRequestList(s.requests(), std::string("pending"), s.clock()(), devNull);
    });
    report("user list", dir, rw, [](Store& s) { return s.users().list().size(); });

    // Read-only commands: the ledger from its tables when they hold every entry.
    report("open ledger read-only (caught up)", dir, ro, [](Store& s) {
        MediaLedger ledger(s.database(), s.signedRegister());
        return size_t{0};
    });
    // `media report KIND --csv -` (a read-only store, as the command opens it).
    const auto mediaReport =
        [&](const std::function<TableReport(const MediaLedger&, Store&)>& make) {
            return [&, make](Store& s) {
                const MediaLedger ledger(s.database(), s.signedRegister());
                const TableReport r = make(ledger, s);
                const std::string csv = tableReportCsv(r);
                (void)std::fwrite(csv.data(), 1, csv.size(), devNull);  // timed, not kept
                return r.rows.size();
            };
        };
    const std::string today = jstDate(formatRfc3339(std::chrono::system_clock::now()));
    report("media report ledger (today, CSV)", dir, ro,
           mediaReport([&](const MediaLedger& l, Store& s) {
               return mediaLedgerReport(l, today, s.origin());
           }));
    report("media report ledger --as-of YEAR-end (CSV)", dir, ro,
           mediaReport([&](const MediaLedger& l, Store& s) {
               return mediaLedgerReport(l, t.year + "-12-31", s.origin());
           }));
    report("media report carried-out (today, CSV)", dir, ro,
           mediaReport([&](const MediaLedger& l, Store& s) {
               return carriedOutReport(l, s.signedRegister(), today, s.origin());
           }));
    report("media report due --within 30 (CSV)", dir, ro,
           mediaReport([&](const MediaLedger& l, Store& s) {
               return mediaDueReport(l, today, 30, s.origin());
           }));
    report("media report closures a month (CSV)", dir, ro,
           mediaReport([&](const MediaLedger& l, Store& s) {
               return mediaClosuresReport(l, s.signedRegister(), t.year + "-06-01",
                                          t.year + "-06-30", s.origin());
           }));
    // carryin's match of a returning medium the ledger does not know as carried out: by its
    // serial's carry-out keys, then whether that carry-out was returned (entry_keys.h).
    report("carry-in match (serial, then its return)", dir, rw, [&](Store& s) {
        const MediaLedger ledger(s.database(), s.signedRegister());
        const auto match = massho::operations::findCarryOut(s.signedRegister(), &ledger,
                                                            {"", "", "SN-NEVER-CARRIED", 0}, "");
        const auto back = massho::operations::findReturn(s.signedRegister(), t.recentErasure);
        return static_cast<size_t>(match.has_value()) + static_cast<size_t>(back.has_value());
    });
    const fs::path exported = exportFolder(dir, t.size);
    reportFiles("export-folder verify (default checks)", [&] {
        const VerifyReport v = verifyRegister(exported);
        if (!v.ok) std::printf("export verify FAILED: %s\n", v.problem.c_str());
        return static_cast<size_t>(v.entries);
    });
    return 0;
}
