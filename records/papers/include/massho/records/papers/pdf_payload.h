#pragma once

#include <QByteArray>
#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

// The PDF's XMP metadata packet (ISO 16684-1, as PDF/A uses it): dc:title, xmp:CreateDate,
// xmp:CreatorTool, pdf:Producer, and every certificate payload base64-encoded in the massho
// namespace. Qt writes the packet as an uncompressed /Metadata stream, so a verifier reads the
// exact signed payload back without rendering the page or scanning the QR code.
QByteArray certificateXmp(const QString& title, const std::string& createdRfc3339,
                          const std::vector<std::string>& payloads);

// The payloads embedded by certificateXmp, in page order. Empty when the PDF has none. Throws
// RecordsError when the packet is there but damaged.
std::vector<std::string> extractPdfPayloads(std::string_view pdfBytes);

}  // namespace massho::records
