#include "massho/records/papers/disposal_list.h"

#include <iterator>
#include <optional>

#include "massho/records/papers/certificate_strings.h"
#include "massho/records/papers/erasures_by_day.h"
#include "massho/records/papers/gui_environment.h"
#include "massho/records/papers/japan_time.h"
#include "massho/records/papers/table_report.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/entry_view.h"

namespace massho::records {
namespace {

struct Column {
    const char* header;  // CSV header and entry key
    const char* key;
};

// The columns of both the CSV and the PDF, in order.
constexpr Column kColumns[] = {
    {"index", ""},
    {"ended_jst", "ended"},
    {"asset", "asset"},
    {"class", "class"},
    {"model", "device_model"},
    {"serial", "device_serial"},
    {"media_type", "device_media_type"},
    {"size_bytes", "device_size"},
    {"method", "method"},
    {"nist_level", "nist_level"},
    {"verify", "verify_result"},
    {"result", "result"},
    {"operator", "operator"},
    {"approver", "approver"},
};

// Japan time of an entry's time as the list prints it: the text itself when it is not a time.
std::string jst(const std::string& rfc3339) {
    std::string t = japanTime(rfc3339);
    return t.empty() ? rfc3339 : t;
}

// The row's cells from the entry's fields, read by `text` (an EntryView or parsed fields).
template <typename Text>
std::vector<std::string> cells(uint64_t index, const std::string& endedJst, const Text& text) {
    std::vector<std::string> out;
    out.reserve(std::size(kColumns));
    for (const auto& c : kColumns) {
        const std::string_view header = c.header;
        if (header == "index")
            out.push_back(std::to_string(index));
        else if (header == "ended_jst")
            out.push_back(endedJst);
        else
            out.push_back(text(c.key));
    }
    return out;
}

// The disposal erasure's row when `text` (its fields) says it ended between the two days.
template <typename Text>
std::optional<DisposalRow> rowIfListed(uint64_t index, const Text& text, const std::string& fromJst,
                                       const std::string& toJst) {
    if (text("purpose") != "disposal") return std::nullopt;
    const std::string ended = jst(text("ended"));
    const std::string day = ended.substr(0, 10);
    if (day < fromJst || day > toJst) return std::nullopt;
    return DisposalRow{index, cells(index, ended, text)};
}

TableReport disposalTable(const std::vector<DisposalRow>& rows) {
    TableReport t;
    for (const auto& c : kColumns) t.csvHeader.emplace_back(c.header);
    t.pdfHeader = t.csvHeader;
    t.rows.reserve(rows.size());
    for (const auto& row : rows) t.rows.push_back(row.cells);
    return t;
}

}  // namespace

std::vector<DisposalRow> disposalRows(const Register& log, const std::string& fromJst,
                                      const std::string& toJst) {
    std::vector<DisposalRow> out;
    forEachErasureNearJstDays(log, fromJst, toJst, [&](uint64_t index, const std::string& bytes) {
        if (!entryHasKind(bytes, EntryKind::Erasure)) return;
        std::optional<DisposalRow> row;
        // A valid entry is read in place; any other goes through parseEntry, which throws the
        // reason (or, for one it accepts, gives the same fields).
        if (const auto view = EntryView::of(bytes)) {
            row = rowIfListed(
                index, [&](std::string_view key) { return view->text(key); }, fromJst, toJst);
        } else {
            const EntryFields f = parseEntry(bytes);
            row = rowIfListed(
                index, [&](std::string_view key) { return entryText(f, std::string(key)); },
                fromJst, toJst);
        }
        if (row) out.push_back(std::move(*row));
    });
    return out;
}

std::string disposalListCsv(const std::vector<DisposalRow>& rows) {
    return tableReportCsv(disposalTable(rows));
}

std::string disposalListPdf(const std::vector<DisposalRow>& rows, const std::string& origin,
                            const std::string& fromJst, const std::string& toJst) {
    const GuiSession gui;  // CertificateStrings reads Qt translations
    const CertificateStrings s;
    TableReport t = disposalTable(rows);
    t.title = s("list_title").joined().toStdString();
    t.preamble = {s("period").joined().toStdString() + ": " + fromJst + " – " + toJst + " (JST)",
                  origin,
                  s("list_count").joined().toStdString() + ": " + std::to_string(rows.size())};
    return tableReportPdf(t);
}

}  // namespace massho::records
