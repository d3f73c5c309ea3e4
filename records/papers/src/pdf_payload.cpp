#include "massho/records/papers/pdf_payload.h"

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/papers/certificate_payload.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

constexpr std::string_view kOpen = "<massho:payloads><rdf:Seq>";
constexpr std::string_view kClose = "</rdf:Seq></massho:payloads>";
constexpr std::string_view kItemOpen = "<rdf:li>";
constexpr std::string_view kItemClose = "</rdf:li>";
constexpr size_t kMaxPayloads = 10000;

QString xmlText(const QString& s) {
    return s.toHtmlEscaped();
}

}  // namespace

QByteArray certificateXmp(const QString& title, const std::string& createdRfc3339,
                          const std::vector<std::string>& payloads) {
    QString items;
    for (const auto& p : payloads)
        items += QString::fromLatin1(kItemOpen.data(), kItemOpen.size()) +
                 QString::fromStdString(base::base64::encode(p)) +
                 QString::fromLatin1(kItemClose.data(), kItemClose.size());
    const QString created = QString::fromStdString(createdRfc3339);
    const QString xmp =
        QStringLiteral(
            "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
            "xmlns:massho=\"https://massho.example/ns/certificate/1.0/\">\n"
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n"
            "<xmp:CreateDate>%2</xmp:CreateDate>\n<xmp:ModifyDate>%2</xmp:ModifyDate>\n"
            "<xmp:CreatorTool>massho</xmp:CreatorTool>\n<pdf:Producer>massho (Qt "
            "%3)</pdf:Producer>\n")
            .arg(xmlText(title), created, QString::fromLatin1(qVersion())) +
        QString::fromLatin1(kOpen.data(), kOpen.size()) + items +
        QString::fromLatin1(kClose.data(), kClose.size()) +
        QStringLiteral("\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
    return xmp.toUtf8();
}

std::vector<std::string> extractPdfPayloads(std::string_view pdf) {
    const size_t open = pdf.find(kOpen);
    if (open == std::string_view::npos) return {};
    if (pdf.find(kOpen, open + 1) != std::string_view::npos)
        throw RecordsError("the PDF carries two payload blocks: it was altered or appended to");
    const size_t close = pdf.find(kClose, open);
    if (close == std::string_view::npos)
        throw RecordsError("the PDF's certificate payload block is cut off: the file is damaged");
    std::string_view block = pdf.substr(open + kOpen.size(), close - open - kOpen.size());
    std::vector<std::string> out;
    while (!block.empty()) {
        if (block.substr(0, kItemOpen.size()) != kItemOpen || out.size() >= kMaxPayloads)
            throw RecordsError("the PDF's certificate payload block is malformed");
        const size_t end = block.find(kItemClose);
        if (end == std::string_view::npos)
            throw RecordsError("the PDF's certificate payload block is malformed");
        auto decoded = base::base64::decode(block.substr(kItemOpen.size(), end - kItemOpen.size()));
        if (!decoded || decoded->size() > kMaxPayloadBytes)
            throw RecordsError("a certificate payload in the PDF is not valid base64");
        out.push_back(std::move(*decoded));
        block.remove_prefix(end + kItemClose.size());
    }
    return out;
}

}  // namespace massho::records
