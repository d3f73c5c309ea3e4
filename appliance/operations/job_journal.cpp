#include "massho/operations/job_journal.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <variant>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/database.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/register.h"

namespace massho::operations {
namespace {

std::string bootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

bool processAlive(int64_t pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

struct OpenJob {
    uint64_t startedEntry;
    int64_t pid;
    std::string bootId;
};

// The interrupted entry repeats the started entry's fields (who, which medium, which method or
// package) so that it reads on its own, and names it. An `erasure-started` entry becomes an
// `erasure`, a `carry-out-started` one a `carry-out`, each with result "interrupted".
std::string interruptedEntry(const std::string& startedBytes, uint64_t startedIndex) {
    const records::EntryFields started = records::parseEntry(startedBytes);
    const bool carryOut =
        records::entryText(started, "kind") == records::EntryKind::CarryOutStarted;
    records::EntryBuilder e(carryOut ? records::EntryKind::CarryOut : records::EntryKind::Erasure);
    for (const auto& [key, value] : started) {
        if (key == "v" || key == "kind" || key == "salt" || key == "time" || key == "verify_mode")
            continue;
        std::visit([&, k = key](const auto& v) { e.set(k, v); }, value);
    }
    e.set("result", "interrupted");
    e.set("started_entry", static_cast<int64_t>(startedIndex));
    if (carryOut) {
        e.set("failure",
              "the carry-out process ended before it recorded a result (killed, crashed or power "
              "lost); the medium holds no usable package: erase it again");
        return e.finish();
    }
    e.set("failure",
          "the erasure process ended before it recorded a result (killed, crashed or power lost); "
          "the medium is NOT erased: erase it again");
    e.set("nist_level", "none");
    e.set("verify_result", "not-run");
    return e.finish();
}

}  // namespace

// The erasure_jobs table is the ladder's (records/register/src/schema.cpp, version 6).
JobJournal::JobJournal(records::Register& log) : register_(log) {}

uint64_t JobJournal::begin(const std::string& startedEntry, const std::string& devicePath) {
    records::Transaction tx(register_.database());
    const uint64_t index = register_.append(startedEntry);
    records::Statement(
        register_.database(),
        "INSERT INTO erasure_jobs(started_entry, pid, boot_id, device) VALUES(?,?,?,?)")
        .bind(1, static_cast<int64_t>(index))
        .bind(2, static_cast<int64_t>(::getpid()))
        .bind(3, bootId())
        .bind(4, devicePath)
        .run();
    tx.commit();
    return index;
}

uint64_t JobJournal::finish(uint64_t startedIndex, const std::string& finalEntry) {
    records::Transaction tx(register_.database());
    const uint64_t index = register_.append(finalEntry);
    records::Statement(register_.database(), "DELETE FROM erasure_jobs WHERE started_entry = ?")
        .bind(1, static_cast<int64_t>(startedIndex))
        .run();
    tx.commit();
    return index;
}

std::vector<uint64_t> JobJournal::reconcile() {
    std::vector<OpenJob> jobs;
    {
        records::Statement rows(
            register_.database(),
            "SELECT started_entry, pid, boot_id FROM erasure_jobs ORDER BY started_entry");
        while (rows.step())
            jobs.push_back({static_cast<uint64_t>(rows.integer(0)), rows.integer(1), rows.text(2)});
    }
    const std::string thisBoot = bootId();
    std::vector<uint64_t> recorded;
    for (const OpenJob& job : jobs) {
        if (job.bootId == thisBoot && processAlive(job.pid)) continue;  // still running
        recorded.push_back(
            finish(job.startedEntry,
                   interruptedEntry(register_.entry(job.startedEntry), job.startedEntry)));
    }
    return recorded;
}

}  // namespace massho::operations
