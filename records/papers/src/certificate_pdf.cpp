#include "massho/records/papers/certificate_pdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTimeZone>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/papers/certificate_strings.h"
#include "massho/records/papers/gui_environment.h"
#include "massho/records/papers/pdf_payload.h"
#include "massho/records/papers/qr_code.h"
#include "massho/records/register/merkle.h"
#include "massho/records/register/note.h"
#include "massho/records/register/proof.h"

namespace massho::records {
namespace {

constexpr int kDpi = 300;  // QPdfWriter::setResolution(kDpi)
// IPAexGothic first: its digits survive text extraction (Noto CJK loses them).
const char* const kBodyFont = "IPAexGothic";
const char* const kMonoFont = "DejaVu Sans Mono";
constexpr double kMarginMm = 14.0;
constexpr double kQrSideMm = 62.0;
constexpr double kGapMm = 5.0;

double mm(double millimetres) {
    return millimetres * kDpi / 25.4;
}

// QFont's constructor takes whole points: a 6.5 there silently became 6.
QFont fontOfSize(const char* family, double points) {
    QFont font(QString::fromLatin1(family));
    font.setPointSizeF(points);
    return font;
}

QString fieldOr(const EntryFields& fields, const std::string& key, const QString& absent) {
    auto it = fields.find(key);
    if (it == fields.end()) return absent;
    if (const auto* s = std::get_if<std::string>(&it->second))
        return s->empty() ? absent : QString::fromStdString(*s);
    return QString::number(std::get<int64_t>(it->second));
}

// "2026-01-05 14:03:02 JST / 2026-01-05 05:03:02 UTC" from an RFC 3339 UTC timestamp.
QString jstAndUtc(const QString& rfc3339) {
    QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid()) return rfc3339;
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    return t.toOffsetFromUtc(9 * 3600).toString(format) + QStringLiteral(" JST / ") +
           t.toUTC().toString(format) + QStringLiteral(" UTC");
}

bool isFlash(const QString& mediaType) {
    return mediaType == "ssd" || mediaType == "nvme" || mediaType == "usb-flash" ||
           mediaType == "memory-card";
}

// Builds the page's HTML from the entry (values escaped: entries are data, never markup).
class PageText {
  public:
    PageText(const Certificate& c, const CertificateStrings& s) : c_(c), s_(s) {}

    QString header() const {
        QString html = QStringLiteral(
                           "<p align=\"center\" style=\"font-size:20pt\"><b>%1</b></p>"
                           "<p align=\"center\" style=\"font-size:11pt\">%2</p>")
                           .arg(s_(titleId()).ja.toHtmlEscaped(), s_(titleId()).en.toHtmlEscaped());
        html += QStringLiteral("<p align=\"right\">%1: %2<br/>%3: %4</p>")
                    .arg(s_("number").joined().toHtmlEscaped(),
                         QString::fromStdString(c_.number).toHtmlEscaped(),
                         s_("issued_at").joined().toHtmlEscaped(),
                         jstAndUtc(QString::fromStdString(c_.issuedAt)).toHtmlEscaped());
        html +=
            QStringLiteral("<p>%1<br/><span style=\"font-size:7pt\">%2</span></p>")
                .arg(s_(statementId()).ja.toHtmlEscaped(), s_(statementId()).en.toHtmlEscaped());
        return html;
    }

    const char* titleId() const { return c_.isDestruction() ? "destruction_title" : "title"; }
    const char* statementId() const {
        return c_.isDestruction() ? "destruction_statement" : "statement";
    }

    QString table() const {
        QString html = QStringLiteral(
            "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"2\" "
            "style=\"border-collapse:collapse; border-color:#444\">");
        html += c_.isDestruction() ? destructionRows() : erasureRows();
        html += section("section_register");
        html += row("register", QString::fromStdString(c_.origin));
        html += row("index", QString::number(c_.index));
        html += rowHtml("entry_hash", mono(entryHash()));
        html += rowHtml("checkpoint", checkpoint());
        html += row("signers", signers());
        html += row("issued_by", QString::fromStdString(c_.issuedBy));
        if (!c_.isDestruction()) html += row("software", text("software"));
        return html + QStringLiteral("</table>");
    }

  private:
    // Who destroyed the medium, how, and who saw it (a `medium-destroyed` entry).
    QString destructionRows() const {
        QString html = section("section_medium");
        html += row("asset", text("asset"));
        html += row("serial", text("serial"));
        html += row("class", text("class"));
        html += row("my_number", s_(text("my_number") == "1" ? "yes" : "no").joined());
        html += section("section_destruction");
        html += row("destruction_method", translated("destroy", "method"));
        html += row("performed_on", text("performed_on"));
        html += row("place", text("place"));
        html += row("performed_by", text("by"));
        html += row("witness", text("witness"));
        html += row("contractor", text("contractor"));
        html += row("contractor_cert", text("contractor_cert"));
        html += rowHtml("photos", mono(photoHashes()));
        html += row("erasure_entry", text("erasure_entry"));
        return html;
    }

    QString erasureRows() const {
        QString html = section("section_medium");
        html += row("manufacturer", text("device_vendor"));
        html += row("model", text("device_model"));
        html += row("serial", text("device_serial"));
        html += row("capacity", capacity());
        html += row("media_type", text("device_media_type"));
        html += row("transport", text("device_transport"));
        html += row("asset", text("asset"));
        html += section("section_erasure");
        html += row("class", text("class"));
        html += row("purpose", translated("purpose", "purpose"));
        html += row("method", text("method_name") + QStringLiteral(" (") + text("method") + ")");
        html += rowHtml("passes", text("passes").toHtmlEscaped().replace("; ", "<br/>"));
        html += rowHtml("nist", nistLevel());
        html += row("verification", translated("verify", "verify_mode") + QStringLiteral(": ") +
                                        translated("verify", "verify_result"));
        html += row("started", jstAndUtc(text("started")));
        html += row("ended", jstAndUtc(text("ended")));
        html += row("error_ranges", fieldOr(c_.fields, "error_ranges", s_("none").joined()));
        html += row("operator", text("operator"));
        html += row("request", text("request"));
        html += row("requester", text("requester"));
        html += row("approver", text("approver"));
        return html;
    }

    QString text(const std::string& key) const {
        return fieldOr(c_.fields, key, s_("none").joined());
    }
    QString translated(const char* prefix, const std::string& key) const {
        return s_.value(prefix, text(key)).joined();
    }
    QString label(const char* id) const {
        const Bilingual b = s_(id);
        return QStringLiteral("%1<br/><span style=\"font-size:6pt\">%2</span>")
            .arg(b.ja.toHtmlEscaped(), b.en.toHtmlEscaped());
    }
    QString section(const char* id) const {
        return QStringLiteral("<tr><td colspan=\"2\" bgcolor=\"#dddddd\"><b>%1</b></td></tr>")
            .arg(s_(id).joined().toHtmlEscaped());
    }
    QString row(const char* id, const QString& value) const {
        return rowHtml(id, value.toHtmlEscaped());
    }
    QString rowHtml(const char* id, const QString& valueHtml) const {
        return QStringLiteral("<tr><td width=\"33%\">%1</td><td>%2</td></tr>")
            .arg(label(id), valueHtml);
    }
    static QString mono(const QString& s) {
        return QStringLiteral("<span style=\"font-family:'%1'; font-size:6.5pt\">%2</span>")
            .arg(QString::fromLatin1(kMonoFont), s.toHtmlEscaped());
    }
    QString capacity() const {
        const QString bytes = text("device_size");
        const double gb = bytes.toDouble() / 1e9;
        return bytes + QStringLiteral(" ") + s_("bytes").joined() +
               QStringLiteral(" (%1 GB)").arg(gb, 0, 'f', gb < 10 ? 2 : 1);
    }
    QString nistLevel() const {
        QString html = translated("nist", "nist_level").toHtmlEscaped();
        if (text("nist_level") == "clear" && isFlash(text("device_media_type")))
            html +=
                QStringLiteral("<br/><b>%1</b>").arg(s_("destroy_advice").joined().toHtmlEscaped());
        return html;
    }
    // Each SHA-256 in two halves of 32 hex digits, so that it wraps inside the cell.
    QString photoHashes() const {
        QStringList out;
        for (const QString& h : text("photo_sha256").split(','))
            out << h.left(32) + QStringLiteral(" ") + h.mid(32);
        return out.join(QStringLiteral(" "));
    }
    QString entryHash() const {
        const QString hex =
            QString::fromStdString(base::hexEncode(hashView(leafHash(c_.entryBytes))));
        return hex.left(32) + QStringLiteral(" ") + hex.mid(32);
    }
    QString checkpoint() const {
        const Checkpoint cp =
            Checkpoint::parse(parseNote(TlogProof::parse(c_.proofText).checkpointNote).body);
        return QStringLiteral("size %1<br/>").arg(cp.size) +
               mono(QString::fromStdString(base::base64::encode(hashView(cp.root))));
    }
    QString signers() const {
        QStringList names;
        for (const auto& sig : parseNote(TlogProof::parse(c_.proofText).checkpointNote).signatures)
            names << QString::fromStdString(sig.keyName);
        return names.join(QStringLiteral(", "));
    }

    const Certificate& c_;
    const CertificateStrings& s_;
};

// Draws rich text at (x, y) `width` wide on the writer's pages; returns its height.
double drawHtml(QPainter& painter, QPdfWriter& writer, const QString& html, const QFont& font,
                QPointF at, double width) {
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);  // the writer's dpi, or text is 1/3 size
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setTextWidth(width);
    doc.setHtml(html);
    painter.save();
    painter.translate(at);
    doc.drawContents(&painter);
    painter.restore();
    return doc.size().height();
}

// The QR as filled rectangles (one per horizontal run of dark modules): vector, so it prints
// sharp at any resolution. Quiet zone of 4 modules (ISO/IEC 18004 §6.3.8).
void drawQr(QPainter& painter, const QrCode& qr, QRectF box) {
    const double module = box.width() / (qr.width() + 8);
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (int y = 0; y < qr.width(); ++y) {
        for (int x = 0; x < qr.width();) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.width() && qr.dark(end, y)) ++end;
            path.addRect(QRectF(box.left() + (x + 4) * module, box.top() + (y + 4) * module,
                                (end - x) * module, module));
            x = end;
        }
    }
    painter.fillRect(box, Qt::white);
    painter.fillPath(path, Qt::black);
}

void drawReissueMark(QPainter& painter, const CertificateStrings& s, QRectF page) {
    QFont font(QString::fromLatin1(kBodyFont), 12);
    font.setBold(true);
    painter.save();
    painter.setFont(font);
    painter.setPen(QPen(QColor(0xb0, 0, 0), mm(0.5)));
    const QRectF box(page.right() - mm(48), page.top(), mm(48), mm(10));
    painter.drawRect(box);
    painter.drawText(box, Qt::AlignCenter, s("reissue").joined());
    painter.restore();
}

void drawPage(QPainter& painter, QPdfWriter& writer, const Certificate& c,
              const CertificateStrings& s) {
    const QRectF page(mm(kMarginMm), mm(kMarginMm), mm(210 - 2 * kMarginMm),
                      mm(297 - 2 * kMarginMm));
    const QFont body(QString::fromLatin1(kBodyFont), 8);
    if (c.reissue()) drawReissueMark(painter, s, page);
    PageText text(c, s);
    double y = page.top() + mm(6);
    y += drawHtml(painter, writer, text.header(), body, {page.left(), y}, page.width());

    const double tableWidth = page.width() - mm(kQrSideMm + kGapMm);
    const double tableHeight =
        drawHtml(painter, writer, text.table(), body, {page.left(), y}, tableWidth);
    const QRectF qrBox(page.right() - mm(kQrSideMm), y, mm(kQrSideMm), mm(kQrSideMm));
    drawQr(painter, QrCode::encode(c.payload()), qrBox);
    drawHtml(
        painter, writer,
        QStringLiteral("<p align=\"center\">%1</p>").arg(s("qr_caption").joined().toHtmlEscaped()),
        fontOfSize(kBodyFont, 6.5), {qrBox.left(), qrBox.bottom() + mm(1)}, qrBox.width());
    y += std::max(tableHeight, qrBox.height() + mm(8)) + mm(3);

    // The proof as text, so it can be typed in when the QR is damaged.
    const QString proof = QStringLiteral("<p><b>%1</b></p><pre>%2</pre><p>%3</p>")
                              .arg(s("proof_heading").joined().toHtmlEscaped(),
                                   QString::fromStdString(c.proofText).toHtmlEscaped(),
                                   s("how_to_verify").joined().toHtmlEscaped());
    QFont mono = fontOfSize(kMonoFont, 6.5);
    mono.setStyleHint(QFont::Monospace);
    drawHtml(painter, writer, proof, mono, {page.left(), y}, page.width());
}

}  // namespace

std::string renderCertificatesPdf(const std::vector<Certificate>& certificates) {
    if (certificates.empty())
        throw RecordsError("no certificates to render: choose entries of successful erasures");
    const GuiSession gui;
    const CertificateStrings strings;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        const char* titleId = certificates.front().isDestruction() ? "destruction_title" : "title";
        const QString title = strings(titleId).joined() + QStringLiteral(" ") +
                              QString::fromStdString(certificates.front().number);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("massho"));
        std::vector<std::string> payloads;
        payloads.reserve(certificates.size());
        for (const auto& c : certificates) payloads.push_back(c.payload());
        writer.setDocumentXmpMetadata(
            certificateXmp(title, certificates.front().issuedAt, payloads));
        QPainter painter(&writer);
        for (size_t i = 0; i < certificates.size(); ++i) {
            if (i > 0) writer.newPage();
            drawPage(painter, writer, certificates[i], strings);
        }
        painter.end();
    }
    return bytes.toStdString();
}

std::string renderCertificatePdf(const Certificate& certificate) {
    return renderCertificatesPdf({certificate});
}

}  // namespace massho::records
