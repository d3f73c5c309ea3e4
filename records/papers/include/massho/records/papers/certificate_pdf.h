#pragma once

#include <string>
#include <vector>

#include "massho/records/papers/certificate.h"

namespace massho::records {

// Renders certificates as an A4 PDF, one page each (Qt QPdfWriter at 300 dpi + QTextDocument;
// IPAexGothic so digits survive text extraction; see records/papers/README.md): the fields in
// Japanese and English, a vector-drawn QR code of the payload, the same proof as monospace text.
// The payloads are also embedded in the XMP metadata (pdf_payload.h). Needs no display: a
// QGuiApplication on the offscreen platform is started when the process has none.
std::string renderCertificatePdf(const Certificate& certificate);
std::string renderCertificatesPdf(const std::vector<Certificate>& certificates);

}  // namespace massho::records
