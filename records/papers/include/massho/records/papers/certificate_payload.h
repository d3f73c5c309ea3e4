#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/note.h"
#include "massho/records/register/signing_key.h"

namespace massho::records {

// The QR payload split into its two parts: the first line is the entry's exact bytes, the rest
// the c2sp.org/tlog-proof@v1 text.
struct CertificatePayload {
    std::string entryBytes;
    std::string proofText;

    // Bounded (kMaxPayloadBytes); throws CertificateInvalid saying what is wrong. A trailing
    // "\r\n" or "\n" added by a scanner or an editor after the note is tolerated only where the
    // note itself ends: the signed bytes are never changed.
    static CertificatePayload parse(std::string_view text);
};

inline constexpr size_t kMaxPayloadBytes = 64 * 1024;

// A certificate that does not verify: one line naming what did not match.
class CertificateInvalid : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// What verification established: the entry is leaf `index` of a checkpoint signed by a
// trusted key. Only these fields may be shown to a reader as "verified".
struct VerifiedCertificate {
    uint64_t index = 0;
    EntryFields fields;
    Checkpoint checkpoint;
    std::string keyName;
    std::string entryHashHex;                  // leaf hash, as printed on the certificate
    std::vector<std::string> witnessesSigned;  // names of trusted witnesses that cosigned
};

// Verifies a payload against trusted verifier keys (log keys, type 0x01) and optional witness
// keys (type 0x04). Checks the entry is canonical, an erasure that succeeded, included in the
// signed checkpoint. Throws CertificateInvalid otherwise.
VerifiedCertificate verifyCertificatePayload(std::string_view payloadText,
                                             const std::vector<VerifierKey>& vkeys,
                                             const std::vector<VerifierKey>& witnessKeys = {});

// Compares the certificate's checkpoint with one the reader kept: the same tree size must have
// the same root (else the log forked). Returns false when the sizes differ (then only
// `massho register verify --checkpoint` with the register can relate them); throws
// CertificateInvalid on a fork or a checkpoint not signed by a trusted key.
bool matchesSavedCheckpoint(const VerifiedCertificate& cert, std::string_view checkpointNote,
                            const std::vector<VerifierKey>& vkeys);

// The human-readable lines `massho certificate verify` prints from a verified entry: the facts
// a reader compares with the page. They say nothing about the PDF's own bytes, so the caller
// heads them with what was checked (issued_document.h).
std::string describeVerified(const VerifiedCertificate& cert);

}  // namespace massho::records
