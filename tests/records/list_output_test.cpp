// The three long lists print exactly what they printed before they were made fast (issue 17):
// `media list` from the listed columns (schema version 9), `request list` from reused rows, and
// `certificate list` from entries read in place with Japan time by arithmetic. The code they had
// before is kept below as the reference; both run on a daily mix (daily_mix.h) to which entries
// with hostile and odd text are added: escape codes, a bidi override, Japanese, quotes, an end
// time that is not the register's shape.
#include <gtest/gtest.h>

#include <QDateTime>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "daily_mix.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/ledger/media_list_text.h"
#include "massho/records/papers/disposal_list.h"
#include "massho/records/papers/erasures_by_day.h"
#include "massho/records/papers/table_report.h"
#include "massho/records/people/request_list_text.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
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
        if (file_) std::fclose(file_);
        std::free(data_);
    }
    std::FILE* file() { return file_; }
    std::string text() {
        std::fflush(file_);
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
    medium("ODD-1", "SN\x1b[31mRED",
           "金庫B\xe2\x80\xae"
           "reversed",
           "hdd");
    medium("ODD-2", "", "a very long location name that is wider than any column of the list",
           "a-very-long-media-type");
    medium("odd-3-lower", "SN\tTAB", "", "usb-flash");
}

void addOddRequest(Store& store) {
    store.database().exec(
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
