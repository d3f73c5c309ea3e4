#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "massho/records/papers/certificate.h"
#include "massho/records/people/store.h"

namespace massho::records {

// One issued certificate: the PDF bytes, where the archived copy lives (DIR/certificates/), and
// the certificate-issued entry that records its SHA-256.
struct IssuedCertificate {
    Certificate certificate;
    std::string pdf;
    std::string sha256Hex;
    std::filesystem::path archived;
    uint64_t recordIndex = 0;  // index of the certificate-issued entry
};

inline constexpr const char* kCertificatesFolder = "certificates";

// Hands the rendered PDF out (writes the requested file) inside the issuing transaction, after
// the entries are appended and before they are committed: when it throws, nothing is recorded
// and the archived copy is removed.
using PdfDelivery = std::function<void(const std::string& pdf)>;

// Renders the certificate for erasure entry `index`, archives the PDF as
// DIR/certificates/<index>-<issue>.pdf (0600, fsynced) and appends a certificate-issued entry
// (entry, certificate, issue, reissue, pdf_sha256, file, checkpoint_size, by) inside one
// Transaction. A later issue for the same entry is a reissue (marked on the page and in the
// entry). Throws CertificateRefused for entries that get no certificate.
IssuedCertificate issueCertificate(Store& store, uint64_t index, const std::string& officerId,
                                   const PdfDelivery& deliver = {});

// Several certificates as one multi-page PDF (a day's or a request's), archived as
// DIR/certificates/batch-<first>-<last>-<n>.pdf; one certificate-issued entry per certificate
// (with `batch` = the page count and the batch PDF's SHA-256), all in one Transaction.
struct IssuedBatch {
    std::vector<Certificate> certificates;
    std::string pdf;
    std::string sha256Hex;
    std::filesystem::path archived;
    std::vector<uint64_t> recordIndexes;
};
IssuedBatch issueCertificateBatch(Store& store, const std::vector<uint64_t>& indexes,
                                  const std::string& officerId, const PdfDelivery& deliver = {});

// Successful erasures whose `ended` falls on `dateJst` (YYYY-MM-DD, Japan time: the office's
// day) and/or that carry `request`, in register order.
std::vector<uint64_t> selectErasures(const Register& log, const std::optional<std::string>& dateJst,
                                     const std::optional<std::string>& request);

// The archived PDF of the latest certificate issued for `index`, after checking its bytes still
// have the SHA-256 recorded in the register. Throws RecordsError when none was issued or the
// file is missing or altered.
std::string archivedCertificate(Store& store, uint64_t index);

}  // namespace massho::records
