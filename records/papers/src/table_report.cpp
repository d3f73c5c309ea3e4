#include "massho/records/papers/table_report.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include "massho/records/papers/gui_environment.h"

namespace massho::records {
namespace {

std::string csvCell(std::string value) {
    if (!value.empty() && std::string_view("=+-@").find(value[0]) != std::string_view::npos)
        value.insert(0, "'");
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char ch : value) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string csvLine(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csvCell(cells[i]);
    return line + "\r\n";
}

QString escaped(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString html(const TableReport& r) {
    QString out = QStringLiteral("<h2 align=\"center\">%1</h2><p>").arg(escaped(r.title));
    for (const auto& line : r.preamble) out += escaped(line) + QStringLiteral("<br/>");
    out += QStringLiteral(
        "</p><table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"2\" "
        "style=\"border-collapse:collapse\"><thead><tr>");
    for (const auto& h : r.pdfHeader)
        out += QStringLiteral("<th bgcolor=\"#dddddd\">%1</th>").arg(escaped(h));
    out += QStringLiteral("</tr></thead>");
    for (const auto& row : r.rows) {
        out += QStringLiteral("<tr>");
        for (const auto& cell : row) out += QStringLiteral("<td>%1</td>").arg(escaped(cell));
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</table>");
}

}  // namespace

std::string tableReportCsv(const TableReport& r) {
    std::string out = csvLine(r.csvHeader);
    for (const auto& row : r.rows) out += csvLine(row);
    return out;
}

std::string tableReportPdf(const TableReport& r) {
    const GuiSession gui;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        writer.setTitle(QString::fromStdString(r.title));
        writer.setCreator(QStringLiteral("massho"));
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);  // the writer's dpi, or text is 1/3 size
        doc.setDefaultFont(QFont(QStringLiteral("IPAexGothic"), 7));
        doc.setHtml(html(r));
        doc.print(&writer);  // paginates; the table header repeats on each page
    }
    return bytes.toStdString();
}

}  // namespace massho::records
