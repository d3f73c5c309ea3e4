// The three long lists print exactly what they printed before they were made fast (issue 17):
// `media list` from the listed columns (schema version 9), `request list` from the printed
// columns of index requests_listing (schema version 10), and
// `certificate list` from entries read in place with Japan time by arithmetic. The code they had
// before is kept below as the reference; both run on a daily mix (daily_mix.h) to which entries
// with hostile and odd text are added: escape codes, a bidi override, Japanese, quotes, an end
// time that is not the register's shape.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <QDateTime>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "daily_mix.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/ledger/media_list_text.h"
#include "massho/records/papers/disposal_list.h"
#include "massho/records/papers/erasures_by_day.h"
#include "massho/records/papers/media_reports.h"
#include "massho/records/papers/table_report.h"
#include "massho/records/people/request_list_text.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/decimal.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/text_field.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::records::test {
namespace {

using massho::testsupport::TempDir;

// What a FILE* received: the lists write to a stream, as the command writes to stdout.
class CapturedOutput {
  public:
    CapturedOutput() : file_(open_memstream(&data_, &size_)) {}
    ~CapturedOutput() {
        if (file_) (void)std::fclose(file_);  // a memory stream: nothing is lost if it fails
        std::free(data_);
    }
    std::FILE* file() { return file_; }
    std::string text() {
        if (std::fflush(file_) != 0) throw std::runtime_error("cannot flush the captured output");
        return std::string(data_, size_);
    }

  private:
    char* data_ = nullptr;
    size_t size_ = 0;
    std::FILE* file_;
};

std::string shown(const std::string& text) {
    return escapedForDisplay(text);
}

// --- The reference: the code of the commands before this change, verbatim in what it prints.

std::string oldMediaList(const MediaLedger& ledger, std::optional<MediaState> state) {
    std::string out;
    for (const auto& m : ledger.list(state)) {
        char line[4096];
        std::snprintf(line, sizeof line, "%-16s class %d%s  %-11s %-12s %s %s\n",
                      shown(m.tag).c_str(), m.infoClass, m.myNumber ? " MyNo" : "     ",
                      shown(m.mediaType).c_str(), std::string(toString(m.state)).c_str(),
                      shown(m.serial).c_str(), shown(m.location).c_str());
        out += line;
    }
    return out;
}

std::string oldRequestList(const Requests& requests, const std::optional<std::string>& filter,
                           TimePoint now) {
    char line[4096];
    std::snprintf(line, sizeof line, "%-11s %-9s %-12s %-5s %-12s %-10s %-10s %-9s %s\n", "ID",
                  "STATE", "PURPOSE", "CLASS", "ASSET", "REQUESTER", "DECIDED BY", "METHOD",
                  "MEDIUM");
    std::string out = line;
    for (const auto& r : requests.list()) {
        const std::string state = r.displayState(now);
        if (filter && *filter != state) continue;
        const auto& d = r.details;
        std::snprintf(line, sizeof line, "%-11s %-9s %-12s %-5d %-12s %-10s %-10s %-9s %s\n",
                      shown(r.id).c_str(), state.c_str(), shown(d.purpose).c_str(), d.infoClass,
                      shown(d.assetTag).c_str(), shown(r.requester).c_str(),
                      shown(r.decidedBy.value_or("-")).c_str(),
                      d.method.empty() ? "-" : shown(d.method).c_str(),
                      shown(d.device.describe()).c_str());
        out += line;
    }
    return out;
}

std::string oldJst(const std::string& rfc3339) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(rfc3339), Qt::ISODate);
    return t.isValid() ? t.toOffsetFromUtc(9 * 3600).toString("yyyy-MM-dd HH:mm:ss").toStdString()
                       : rfc3339;
}

std::vector<std::vector<std::string>> oldDisposalCells(const Register& log, const std::string& from,
                                                       const std::string& to) {
    static const char* const keys[] = {"",
                                       "ended",
                                       "asset",
                                       "class",
                                       "device_model",
                                       "device_serial",
                                       "device_media_type",
                                       "device_size",
                                       "method",
                                       "nist_level",
                                       "verify_result",
                                       "result",
                                       "operator",
                                       "approver"};
    std::vector<std::vector<std::string>> out;
    forEachErasureNearJstDays(log, from, to, [&](uint64_t index, const std::string& bytes) {
        if (!entryHasKind(bytes, EntryKind::Erasure)) return;
        const EntryFields f = parseEntry(bytes);
        if (entryText(f, "purpose") != "disposal") return;
        const std::string day = oldJst(entryText(f, "ended")).substr(0, 10);
        if (day < from || day > to) return;
        std::vector<std::string> cells{std::to_string(index), oldJst(entryText(f, "ended"))};
        for (size_t k = 2; k < std::size(keys); ++k) cells.push_back(entryText(f, keys[k]));
        out.push_back(std::move(cells));
    });
    return out;
}

// The media reports as they were: each replayed the whole register (media_fold.h). Their titles
// and columns are unchanged; what they read, and so their preamble and rows, is compared.
struct OldReport {
    std::vector<std::string> preamble;
    std::vector<std::vector<std::string>> rows;
};

std::string oldIndexes(const std::vector<MediumEvent>& events) {
    std::string out;
    for (const auto& e : events) out += (out.empty() ? "" : " ") + std::to_string(e.index);
    return out;
}

std::string oldLease(const Medium& m) {
    return m.leased() ? m.lessor + " " + m.leaseContract + " → " + m.leaseReturn : std::string();
}

std::map<uint64_t, std::string> oldCertificatesByErasure(const Register& log) {
    std::map<uint64_t, std::string> out;
    log.forEach([&](uint64_t, const std::string& bytes) {
        if (!entryHasKind(bytes, EntryKind::CertificateIssued)) return;
        const EntryFields f = parseEntry(bytes);
        auto& numbers = out[static_cast<uint64_t>(entryInteger(f, "entry"))];
        numbers += (numbers.empty() ? "" : " ") + entryText(f, "certificate");
    });
    return out;
}

OldReport oldLedgerReport(const Register& log, const std::string& asOfJst,
                          const std::string& origin) {
    const MediaSnapshot s = replayLedger(log, endOfDayJstUtc(asOfJst));
    OldReport t{{"時点 / As of: " + asOfJst + " (JST, end of day)", origin,
                 "媒体数 / Media: " + std::to_string(s.media.size())},
                {}};
    for (const auto& [tag, m] : s.media)
        t.rows.push_back({tag, std::to_string(m.infoClass), m.myNumber ? "yes" : "no", m.mediaType,
                          m.model, m.serial, m.section, m.location, std::string(toString(m.state)),
                          jstDate(m.changed), oldLease(m), oldIndexes(s.history(tag))});
    return t;
}

OldReport oldCarriedOutReport(const Register& log, const std::string& asOfJst,
                              const std::string& origin) {
    const MediaSnapshot s = replayLedger(log, endOfDayJstUtc(asOfJst));
    OldReport t{{"時点 / As of: " + asOfJst + " (JST, end of day)", origin}, {}};
    for (const auto& [tag, m] : s.media) {
        if (m.state != MediaState::CarriedOut || !m.carryOutEntry) continue;
        const EntryFields f = parseEntry(log.entry(*m.carryOutEntry));
        t.rows.push_back({tag, entryText(f, "class"), m.serial, jstDate(entryText(f, "time")),
                          entryText(f, "destination"), entryText(f, "operator"),
                          entryText(f, "approver"), std::to_string(*m.carryOutEntry)});
    }
    t.preamble.push_back("件数 / Count: " + std::to_string(t.rows.size()));
    return t;
}

OldReport oldDueReport(const Register& log, const std::string& todayJst, int withinDays,
                       const std::string& origin) {
    const MediaSnapshot s = replayLedger(log);
    const std::string horizon =
        formatDate(TimePoint(*parseDate(todayJst) + std::chrono::days(withinDays)));
    OldReport t{{"基準日 / Today: " + todayJst + ", +" + std::to_string(withinDays) + " days → " +
                     horizon + " (JST)",
                 origin},
                {}};
    for (const auto& [tag, m] : s.media) {
        if (isClosed(m.state)) continue;
        std::string what;
        if (m.leased() && m.leaseReturn <= horizon) {
            if (m.myNumber)
                what = "My Number: destroy (witnessed) and settle with the lessor";
            else if (m.state != MediaState::Erased || m.lastErasurePurpose != "lease-return")
                what = "erase for lease return (not yet erased)";
            else
                what = "erased: return to the lessor";
        } else if (m.state == MediaState::Erased && m.lastErasurePurpose == "disposal") {
            what = m.myNumber ? "My Number: destroy with a witness" : "erased: record disposal";
        }
        if (what.empty()) continue;
        t.rows.push_back({tag, std::to_string(m.infoClass), m.myNumber ? "yes" : "no",
                          std::string(toString(m.state)), m.leased() ? m.leaseReturn : "", what,
                          oldLease(m),
                          m.lastErasureEntry ? std::to_string(*m.lastErasureEntry) : ""});
    }
    t.preamble.push_back("件数 / Count: " + std::to_string(t.rows.size()));
    return t;
}

OldReport oldClosuresReport(const Register& log, const std::string& fromJst,
                            const std::string& toJst, const std::string& origin) {
    const MediaSnapshot s = replayLedger(log);
    const auto certificates = oldCertificatesByErasure(log);
    OldReport t{{"期間 / Period: " + fromJst + " – " + toJst + " (JST)", origin}, {}};
    for (const auto& e : s.events) {
        if (e.kind != EntryKind::MediumDisposed && e.kind != EntryKind::MediumDestroyed &&
            e.kind != EntryKind::MediumReturnedToLessor)
            continue;
        const std::string day = jstDate(e.time);
        if (day < fromJst || day > toJst) continue;
        const EntryFields f = parseEntry(log.entry(e.index));
        const Medium& m = s.media.at(e.tag);
        const std::string erasure = entryText(f, "erasure_entry");
        std::string certs;
        for (const std::string& entry : {std::to_string(e.index), erasure})
            if (!entry.empty())
                if (auto n = parseDecimal(entry); n && certificates.contains(*n))
                    certs += (certs.empty() ? "" : " ") + certificates.at(*n);
        t.rows.push_back({day, e.tag, std::to_string(m.infoClass), m.myNumber ? "yes" : "no",
                          std::string(toString(e.state)),
                          e.kind == EntryKind::MediumDestroyed ? entryText(f, "method") : "",
                          entryText(f, "by"), entryText(f, "witness"), entryText(f, "contractor"),
                          entryText(f, "contractor_cert"), std::to_string(e.index), erasure,
                          certs});
    }
    t.preamble.push_back("件数 / Count: " + std::to_string(t.rows.size()));
    return t;
}

// --- The register: a daily mix, and text an older register may hold.

void addOddMedia(Store& store) {
    Register& log = store.signedRegister();
    const auto medium = [&](const std::string& tag, const std::string& serial,
                            const std::string& location, const std::string& type) {
        log.append(EntryBuilder(EntryKind::MediumRegistered)
                       .set("asset", tag)
                       .set("class", int64_t{1})
                       .set("my_number", int64_t{1})
                       .set("media_type", type)
                       .set("serial", serial)
                       .set("location", location)
                       .set("source", "manual")
                       .set("by", bench::kMixOperator)
                       .finish());
    };
    // The bidi override (U+202E) is the hostile text under test: the lists must escape it.
    medium("ODD-1", "SN\x1b[31mRED",
           // NOLINTNEXTLINE(misc-misleading-bidirectional)
           "金庫B\xe2\x80\xae"
           "reversed",
           "hdd");
    medium("ODD-2", "", "a very long location name that is wider than any column of the list",
           "a-very-long-media-type");
    medium("odd-3-lower", "SN\tTAB", "", "usb-flash");
}

void addOddRequest(Store& store) {
    // The bidi override (U+202E) in the purpose is hostile text under test, as above.
    store.database().exec(
        // NOLINTNEXTLINE(misc-misleading-bidirectional)
        "INSERT INTO requests(id, kind, state, requester, created, purpose, class, asset, method,"
        " destination, note, device_path, device_model, device_serial, device_size,"
        " request_entry, decided_by, decided, reason, approval_expires, decision_entry,"
        " claimed_by, used_entry) VALUES('REQ-ODD\x1b[2J', 'erase', 'approved', 'sato',"
        " '2017-04-01T00:00:00Z', 'dispo\u202esal', 3, 'PC-\u5e8a\x01', '', '', '',"
        " '/dev/sd\x1bz', 'Model \"X\"', '', 42, 1, 'tanaka', '2017-04-01T00:00:00Z', NULL,"
        " '2017-04-08T00:00:00Z', 2, NULL, NULL)");
}

void addOddErasures(Store& store, const std::string& day) {
    Register& log = store.signedRegister();
    const auto erasure = [&](const std::string& ended, const std::string& model) {
        log.append(EntryBuilder(EntryKind::Erasure)
                       .set("asset", "PC-ODD")
                       .set("purpose", "disposal")
                       .set("result", "erased")
                       .set("ended", ended)
                       .set("class", int64_t{2})
                       .set("device_model", model)
                       .set("device_size", int64_t{-5})
                       .set("method", "zero")
                       .set("operator", bench::kMixOperator)
                       .finish());
    };
    erasure(day + "T14:59:59Z", "=cmd|' /C calc'!A0, \"quoted\"\n\x01");
    erasure(day + "T15:00:00Z", "next day in Japan");
    erasure(day + "T10:00:00+09:00", "an offset QDateTime reads");
    erasure(day + "T10:00:00.250Z", "a fraction");
    erasure("not a time", "kept as written, never in a day's list");
}

// A medium's other lives, which the mix lacks: leases due and returned, a carry-out still out and
// one back, an erasure for disposal not yet closed, and a mix medium changed today (after every
// earlier "as of"). Appended with the real clock: after the mix's days.
void addLedgerLives(Store& store) {
    Register& log = store.signedRegister();
    // The day in Japan, as the report command takes it.
    const std::string today = jstDate(formatRfc3339(systemClock()()));
    const auto inDays = [&](int n) {
        return formatDate(TimePoint(*parseDate(today) + std::chrono::days(n)));
    };
    const auto leased = [&](const std::string& tag, const std::string& returnOn, bool myNumber) {
        log.append(EntryBuilder(EntryKind::MediumRegistered)
                       .set("asset", tag)
                       .set("class", int64_t{3})
                       .set("my_number", int64_t{myNumber ? 1 : 0})
                       .set("media_type", "ssd")
                       .set("model", "Lease \"SSD\"")
                       .set("serial", "SN-" + tag)
                       .set("lessor", "リース株式会社")
                       .set("lease_contract", "L-77")
                       .set("lease_return", returnOn)
                       .set("source", "manual")
                       .set("by", bench::kMixOperator)
                       .finish());
    };
    const auto erased = [&](const std::string& tag, const std::string& purpose) {
        return log.append(EntryBuilder(EntryKind::Erasure)
                              .set("asset", tag)
                              .set("purpose", purpose)
                              .set("result", "erased")
                              .set("method", "zero")
                              .set("ended", formatRfc3339(systemClock()()))
                              .set("operator", bench::kMixOperator)
                              .finish());
    };
    leased("LEASE-1", inDays(10), false);
    leased("LEASE-2", inDays(5), false);
    erased("LEASE-2", "lease-return");
    leased("LEASE-3", inDays(40), true);
    leased("LEASE-4", inDays(-3), false);
    const uint64_t leaseErasure = erased("LEASE-4", "lease-return");
    log.append(EntryBuilder(EntryKind::CertificateIssued)
                   .set("entry", static_cast<int64_t>(leaseErasure))
                   .set("certificate", "C-LEASE-4")
                   .finish());
    log.append(EntryBuilder(EntryKind::MediumReturnedToLessor)
                   .set("asset", "LEASE-4")
                   .set("from", "erased")
                   .set("lessor", "リース株式会社")
                   .set("lease_contract", "L-77")
                   .set("erasure_entry", static_cast<int64_t>(leaseErasure))
                   .set("by", bench::kMixDataManager)
                   .finish());
    const auto carriedOut = [&](const std::string& tag) {
        log.append(EntryBuilder(EntryKind::MediumRegistered)
                       .set("asset", tag)
                       .set("class", int64_t{2})
                       .set("media_type", "usb-flash")
                       .set("serial", "SN-" + tag)
                       .set("source", "carry-out")
                       .set("by", bench::kMixOperator)
                       .finish());
        return log.append(EntryBuilder(EntryKind::CarryOut)
                              .set("asset", tag)
                              .set("class", int64_t{2})
                              .set("result", "written")
                              .set("destination", "県庁 \"本庁\"")
                              .set("operator", bench::kMixOperator)
                              .set("approver", bench::kMixDataManager)
                              .set("device_serial", "SN-" + tag)
                              .finish());
    };
    carriedOut("USB-9");
    const uint64_t back = carriedOut("USB-10");
    log.append(EntryBuilder(EntryKind::CarryIn)
                   .set("asset", "USB-10")
                   .set("carry_out_index", static_cast<int64_t>(back))
                   .set("condition", "intact")
                   .set("crypto_erase", "done")
                   .set("erasure_index", static_cast<int64_t>(back))
                   .finish());
    // Two mix media still in use: one erased for disposal and left so, one moved.
    const std::vector<Medium> inUse = [&] {
        MediaLedger ledger(store.database(), log);
        return ledger.list(MediaState::InUse);
    }();
    erased(inUse.at(0).tag, "disposal");
    log.append(EntryBuilder(EntryKind::MediumMoved)
                   .set("asset", inUse.at(1).tag)
                   .set("from", "in-use")
                   .set("to", "in-use")
                   .set("location", "書庫")
                   .set("by", bench::kMixOperator)
                   .finish());
}

class ListOutputTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;
        bench::buildDailyMix(dir_->path() / "mix", 6000);
        Store store = Store::open(dir_->path() / "mix");
        addOddMedia(store);
        addOddRequest(store);
        const auto last =
            parseEntry(store.signedRegister().entry(store.signedRegister().size() - 1));
        day_ = entryText(last, "time").substr(0, 10);
        addOddErasures(store, day_);
        addLedgerLives(store);
        MediaLedger(store.database(), store.signedRegister());  // the tables catch up
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::filesystem::path data() { return dir_->path() / "mix"; }

    static TempDir* dir_;
    static std::string day_;
};

TempDir* ListOutputTest::dir_ = nullptr;
std::string ListOutputTest::day_;

TEST_F(ListOutputTest, MediaListPrintsWhatItPrintedBefore) {
    for (auto access : {Store::Access::ReadWrite, Store::Access::ReadOnly}) {
        Store store = Store::open(data(), access);
        MediaLedger ledger(store.database(), store.signedRegister());
        for (std::optional<MediaState> state :
             {std::optional<MediaState>(), std::optional(MediaState::InUse),
              std::optional(MediaState::Registered), std::optional(MediaState::Destroyed)}) {
            CapturedOutput out;
            const size_t count = writeMediaList(ledger, state, out.file());
            const std::string expected = oldMediaList(ledger, state);
            EXPECT_EQ(out.text(), expected);
            EXPECT_EQ(count, ledger.list(state).size());
        }
        if (access == Store::Access::ReadWrite) {
            EXPECT_TRUE(ledger.differencesFromRegister().empty());
            CapturedOutput out;
            writeMediaList(ledger, std::nullopt, out.file());
            const std::string text = out.text();
            EXPECT_GT(ledger.list().size(), 300u);
            EXPECT_NE(text.find("SN\\u{001B}[31mRED 金庫B\\u{202E}reversed"), std::string::npos);
            EXPECT_NE(text.find("a very long location name"), std::string::npos);
        }
    }
}

TEST_F(ListOutputTest, RequestListPrintsWhatItPrintedBefore) {
    Store store = Store::open(data(), Store::Access::ReadWrite);
    const TimePoint now = store.clock()();
    for (const std::optional<std::string>& filter :
         {std::optional<std::string>(), std::optional<std::string>("used"),
          std::optional<std::string>("approved"), std::optional<std::string>("expired"),
          std::optional<std::string>("pending")}) {
        CapturedOutput out;
        writeRequestList(store.requests(), filter, now, out.file());
        EXPECT_EQ(out.text(), oldRequestList(store.requests(), filter, now)) << filter.value_or("");
    }
    CapturedOutput out;
    EXPECT_GT(writeRequestList(store.requests(), std::nullopt, now, out.file()), 100u);
    EXPECT_NE(out.text().find("REQ-ODD\\u{001B}[2J expired"), std::string::npos);
}

// A file of a version 9 build (no index requests_listing, no event times): read-only (never
// migrated) the request list reads the table and the reports replay the register, and after the
// migration to version 10 the request list, the media list and every report print the same bytes.
TEST_F(ListOutputTest, TheListsAndReportsAreTheSameBeforeAndAfterTheMigrationToVersion10) {
    const TimePoint now = Store::open(data(), Store::Access::ReadOnly).clock()();
    const std::string today = jstDate(formatRfc3339(now));
    const auto printed = [&](const std::filesystem::path& dir, Store::Access access) {
        Store store = Store::open(dir, access);
        CapturedOutput out;
        writeRequestList(store.requests(), std::nullopt, now, out.file());
        const MediaLedger ledger(store.database(), store.signedRegister());
        writeMediaList(ledger, std::nullopt, out.file());
        const Register& log = store.signedRegister();
        const std::string first = entryText(parseEntry(log.entry(0)), "time").substr(0, 10);
        std::string text = out.text();
        for (const TableReport& r :
             {mediaLedgerReport(ledger, today, "o"), mediaLedgerReport(ledger, day_, "o"),
              carriedOutReport(ledger, log, today, "o"), mediaDueReport(ledger, today, 60, "o"),
              mediaClosuresReport(ledger, log, first, today, "o")})
            text += tableReportCsv(r);
        return text;
    };
    const std::string atVersion10 = printed(data(), Store::Access::ReadOnly);
    const std::filesystem::path old = dir_->path() / "v9";
    std::filesystem::copy(data(), old);
    {
        Database db(old / Store::kDatabaseFile, Database::Mode::ReadOnly);
        ASSERT_EQ(db.schemaVersion(), 10) << "the mix is at the version this test upgrades to";
    }
    {
        // What a version 9 build left: no indexes, triggers or new columns, no row for version
        // 10 (its carry keys stay: the migration files them OR IGNORE).
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open((old / Store::kDatabaseFile).c_str(), &raw), SQLITE_OK);
        EXPECT_EQ(
            sqlite3_exec(raw,
                         "DROP INDEX requests_listing; DROP TRIGGER requests_listed_on_insert; "
                         "DROP TRIGGER requests_listed_on_update; DROP VIEW requests_listed; "
                         "ALTER TABLE requests DROP COLUMN listed; "
                         "DROP INDEX media_events_by_time; "
                         "ALTER TABLE media_events DROP COLUMN time; "
                         "DELETE FROM schema_version WHERE version = 10",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
            << sqlite3_errmsg(raw);
        sqlite3_close(raw);
    }
    EXPECT_EQ(printed(old, Store::Access::ReadOnly), atVersion10);
    EXPECT_EQ(printed(old, Store::Access::ReadWrite), atVersion10);  // migrates
    Database db(old / Store::kDatabaseFile, Database::Mode::ReadOnly);
    EXPECT_EQ(db.schemaVersion(), 10);
    Register log(db);
    EXPECT_TRUE(MediaLedger(db, log).differencesFromRegister().empty()) << "the times filled";
    Statement plan(db,
                   "EXPLAIN QUERY PLAN SELECT id, state, approval_expires, listed FROM requests "
                   "ORDER BY seq");
    std::string steps;
    while (plan.step()) steps += plan.text(3) + "\n";
    EXPECT_NE(steps.find("COVERING INDEX requests_listing"), std::string::npos) << steps;
}

void expectSameReport(const TableReport& now, const OldReport& before, const std::string& what) {
    EXPECT_EQ(now.preamble, before.preamble) << what;
    ASSERT_EQ(now.rows.size(), before.rows.size()) << what;
    for (size_t k = 0; k < now.rows.size(); ++k) EXPECT_EQ(now.rows[k], before.rows[k]) << what;
}

// The four media reports read the ledger's tables (the media and events of their answer) and
// print what a replay of the register printed, at every "as of", on read-write and read-only
// opens, and on a read-only copy whose tables are behind (which replays).
TEST_F(ListOutputTest, MediaReportsPrintWhatTheyPrintedBefore) {
    // The day in Japan, as the report command takes it.
    const std::string today = jstDate(formatRfc3339(systemClock()()));
    const std::string origin = "test.example/reports";
    const auto check = [&](Store& store, const std::string& how) {
        const Register& log = store.signedRegister();
        const MediaLedger ledger(store.database(), store.signedRegister());
        const std::string first = entryText(parseEntry(log.entry(0)), "time").substr(0, 10);
        const std::string mid =
            entryText(parseEntry(log.entry(log.size() / 2)), "time").substr(0, 10);
        const std::string yesterday =
            formatDate(TimePoint(*parseDate(today) - std::chrono::days(1)));
        for (const std::string& asOf :
             {std::string("2000-01-01"), first, mid, day_, yesterday, today}) {
            expectSameReport(mediaLedgerReport(ledger, asOf, origin),
                             oldLedgerReport(log, asOf, origin), how + " ledger " + asOf);
            expectSameReport(carriedOutReport(ledger, log, asOf, origin),
                             oldCarriedOutReport(log, asOf, origin), how + " carried-out " + asOf);
        }
        for (int within : {0, 7, 30, 9999})
            expectSameReport(mediaDueReport(ledger, today, within, origin),
                             oldDueReport(log, today, within, origin),
                             how + " due " + std::to_string(within));
        for (const auto& [from, to] :
             {std::pair{first, today}, std::pair{first, first}, std::pair{mid, mid},
              std::pair{today, today},
              std::pair{std::string("2000-01-01"), std::string("2199-12-31")}})
            expectSameReport(mediaClosuresReport(ledger, log, from, to, origin),
                             oldClosuresReport(log, from, to, origin),
                             how + " closures " + from + " " + to);
    };
    {
        Store store = Store::open(data(), Store::Access::ReadWrite);
        check(store, "read-write");
        // What the reports must show, so that the comparison covers it.
        const MediaLedger ledger(store.database(), store.signedRegister());
        EXPECT_EQ(carriedOutReport(ledger, store.signedRegister(), today, origin).rows.size(), 1u);
        EXPECT_EQ(mediaDueReport(ledger, today, 30, origin).rows.size(), 3u);
        const auto closures =
            mediaClosuresReport(ledger, store.signedRegister(), today, today, origin);
        ASSERT_EQ(closures.rows.size(), 1u);
        EXPECT_EQ(closures.rows[0].back(), "C-LEASE-4");
    }
    {
        Store store = Store::open(data(), Store::Access::ReadOnly);
        check(store, "read-only");
    }
    // A copy whose tables are behind: an entry appended without catching them up.
    const std::filesystem::path behind = dir_->path() / "behind";
    std::filesystem::copy(data(), behind);
    {
        Store store = Store::open(behind, Store::Access::ReadWrite);
        store.signedRegister().append(EntryBuilder(EntryKind::MediumDisposed)
                                          .set("asset", "USB-10")
                                          .set("from", "erased")
                                          .set("by", bench::kMixDataManager)
                                          .finish());
    }
    Store store = Store::open(behind, Store::Access::ReadOnly);
    check(store, "read-only, tables behind");
}

TEST_F(ListOutputTest, CertificateListPrintsWhatItPrintedBefore) {
    Store store = Store::open(data(), Store::Access::ReadOnly);
    const Register& log = store.signedRegister();
    const std::string first = entryText(parseEntry(log.entry(0)), "time").substr(0, 10);
    for (const auto& [from, to] :
         {std::pair{first, day_}, std::pair{day_, day_}, std::pair{first, first},
          std::pair{std::string("2000-01-01"), std::string("2199-12-31")}}) {
        const auto rows = disposalRows(log, from, to);
        const auto expected = oldDisposalCells(log, from, to);
        ASSERT_EQ(rows.size(), expected.size()) << from << " " << to;
        for (size_t k = 0; k < rows.size(); ++k) EXPECT_EQ(rows[k].cells, expected[k]);
        TableReport old;
        old.csvHeader = {"index",  "ended_jst",  "asset",      "class",   "model",
                         "serial", "media_type", "size_bytes", "method",  "nist_level",
                         "verify", "result",     "operator",   "approver"};
        old.rows = expected;
        EXPECT_EQ(disposalListCsv(rows), tableReportCsv(old));
    }
    EXPECT_GT(disposalRows(log, first, day_).size(), 3u) << "the mix's disposals besides the odd";
    const std::string csv = disposalListCsv(disposalRows(log, day_, day_));
    EXPECT_NE(csv.find(day_ + " 23:59:59"), std::string::npos) << csv;
    EXPECT_NE(csv.find("'=cmd"), std::string::npos) << csv;
    EXPECT_NE(csv.find("an offset QDateTime reads"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("next day in Japan"), std::string::npos) << csv;
}

}  // namespace
}  // namespace massho::records::test
