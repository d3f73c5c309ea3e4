#include "massho/records/papers/disposal_list.h"

#include <QDateTime>

#include "massho/records/papers/certificate_strings.h"
#include "massho/records/papers/erasures_by_day.h"
#include "massho/records/papers/gui_environment.h"
#include "massho/records/papers/table_report.h"
#include "massho/records/register/entry_kind.h"

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

QDateTime parseTime(const std::string& rfc3339) {
    return QDateTime::fromString(QString::fromStdString(rfc3339), Qt::ISODate);
}

std::string jst(const std::string& rfc3339) {
    const QDateTime t = parseTime(rfc3339);
    return t.isValid() ? t.toOffsetFromUtc(9 * 3600).toString("yyyy-MM-dd HH:mm:ss").toStdString()
                       : rfc3339;
}

std::string cell(const DisposalRow& row, const Column& c) {
    if (std::string_view(c.header) == "index") return std::to_string(row.index);
    if (std::string_view(c.header) == "ended_jst") return jst(entryText(row.fields, c.key));
    return entryText(row.fields, c.key);
}

TableReport disposalTable(const std::vector<DisposalRow>& rows) {
    TableReport t;
    for (const auto& c : kColumns) t.csvHeader.emplace_back(c.header);
    t.pdfHeader = t.csvHeader;
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        for (const auto& c : kColumns) cells.push_back(cell(row, c));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

}  // namespace

std::vector<DisposalRow> disposalRows(const Register& log, const std::string& fromJst,
                                      const std::string& toJst) {
    std::vector<DisposalRow> out;
    forEachErasureNearJstDays(log, fromJst, toJst, [&](uint64_t index, const std::string& bytes) {
        if (!entryHasKind(bytes, EntryKind::Erasure)) return;
        EntryFields f = parseEntry(bytes);
        if (entryText(f, "purpose") != "disposal") return;
        const std::string day = jst(entryText(f, "ended")).substr(0, 10);
        if (day < fromJst || day > toJst) return;
        out.push_back({index, std::move(f)});
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
