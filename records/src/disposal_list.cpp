#include "massho/records/disposal_list.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include "massho/records/certificate_strings.h"
#include "massho/records/gui_environment.h"

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

std::string field(const EntryFields& f, const std::string& key) {
    auto it = f.find(key);
    if (it == f.end()) return {};
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return std::to_string(std::get<int64_t>(it->second));
}

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
    if (std::string_view(c.header) == "ended_jst") return jst(field(row.fields, c.key));
    return field(row.fields, c.key);
}

std::string csvCell(std::string value) {
    if (!value.empty() && std::string_view("=+-@").find(value[0]) != std::string_view::npos)
        value.insert(0, "'");
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char ch : value) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace

std::vector<DisposalRow> disposalRows(const Register& log, const std::string& fromJst,
                                      const std::string& toJst) {
    std::vector<DisposalRow> out;
    log.forEach([&](uint64_t index, const std::string& bytes) {
        if (bytes.find("\"kind\":\"erasure\"") == std::string::npos) return;
        EntryFields f = parseEntry(bytes);
        if (field(f, "purpose") != "disposal") return;
        const std::string day = jst(field(f, "ended")).substr(0, 10);
        if (day < fromJst || day > toJst) return;
        out.push_back({index, std::move(f)});
    });
    return out;
}

std::string disposalListCsv(const std::vector<DisposalRow>& rows) {
    std::string out;
    for (const auto& c : kColumns) out += (out.empty() ? "" : ",") + std::string(c.header);
    out += "\r\n";
    for (const auto& row : rows) {
        std::string line;
        for (const auto& c : kColumns) line += (line.empty() ? "" : ",") + csvCell(cell(row, c));
        out += line + "\r\n";
    }
    return out;
}

std::string disposalListPdf(const std::vector<DisposalRow>& rows, const std::string& origin,
                            const std::string& fromJst, const std::string& toJst) {
    const GuiSession gui;
    const CertificateStrings s;
    QString html =
        QStringLiteral("<h2 align=\"center\">%1</h2><p>%2: %3 – %4 (JST)<br/>%5<br/>%6: %7</p>")
            .arg(s("list_title").joined().toHtmlEscaped(), s("period").joined().toHtmlEscaped(),
                 QString::fromStdString(fromJst), QString::fromStdString(toJst),
                 QString::fromStdString(origin).toHtmlEscaped(),
                 s("list_count").joined().toHtmlEscaped())
            .arg(rows.size());
    html += QStringLiteral(
        "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"2\" "
        "style=\"border-collapse:collapse\"><thead><tr>");
    for (const auto& c : kColumns)
        html +=
            QStringLiteral("<th bgcolor=\"#dddddd\">%1</th>").arg(QString::fromLatin1(c.header));
    html += QStringLiteral("</tr></thead>");
    for (const auto& row : rows) {
        html += QStringLiteral("<tr>");
        for (const auto& c : kColumns)
            html += QStringLiteral("<td>%1</td>")
                        .arg(QString::fromStdString(cell(row, c)).toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        writer.setTitle(s("list_title").joined());
        writer.setCreator(QStringLiteral("massho"));
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);  // REFERENCE.md §5
        doc.setDefaultFont(QFont(QStringLiteral("IPAexGothic"), 7));
        doc.setHtml(html);
        doc.print(&writer);  // paginates; the table header repeats on each page
    }
    return bytes.toStdString();
}

}  // namespace massho::records
