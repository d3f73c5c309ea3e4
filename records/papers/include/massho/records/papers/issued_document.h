#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/papers/certificate_payload.h"

namespace massho::records {

// Whether a certificate PDF is a document Massho issued, not only a PDF carrying a genuine
// payload. The payload proves the erasure entry; the page a reader sees is not covered by it, so
// a payload copied into another PDF would verify on its own. Each certificate-issued entry
// records the SHA-256 of the exact PDF it issued (certificate_issuer.h): with the register or an
// export at hand, the PDF's bytes are checked against those entries.
struct IssuedDocumentCheck {
    bool issued = false;
    std::string sha256Hex;                // the PDF's
    std::vector<uint64_t> recordIndexes;  // the certificate-issued entries recording it
    std::vector<std::string> numbers;     // their certificate numbers
    std::string problem;                  // one line saying why not, when !issued
};

// Verifies the register at `source` (a data directory, a massho.db file or an export folder)
// against the trusted verifier key lines (verifyRegister's default: every stored checkpoint
// compared with the recomputed tree, the latest signature checked), then requires, for every
// verified certificate the PDF carries, that the register holds the same entry and a
// certificate-issued entry for it whose pdf_sha256 is the PDF's SHA-256. Throws RecordsError when
// the source cannot be read at all.
IssuedDocumentCheck checkIssuedDocument(const std::filesystem::path& source,
                                        const std::vector<std::string>& trustedVkeys,
                                        std::string_view pdfBytes,
                                        const std::vector<VerifiedCertificate>& certificates);

}  // namespace massho::records
