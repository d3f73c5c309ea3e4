#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/register.h"

namespace massho::records {

// A certificate asked for an entry that must not get one (not an erasure or destruction, a
// failed or cancelled erasure).
class CertificateRefused : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// Everything one disposal certificate (データ消去証明書) shows, taken from the register at the
// moment of issue. The payload (entry bytes + tlog-proof) is what the QR code carries and what
// `massho certificate verify` checks; every other field is printed for people to read.
struct Certificate {
    uint64_t index = 0;      // register index of the erasure entry
    std::string entryBytes;  // exact stored bytes
    EntryFields fields;      // parsed from entryBytes
    std::string proofText;   // c2sp.org/tlog-proof@v1 incl. stored cosignature lines
    std::string origin;      // the register's origin (key name)
    std::string number;      // certificate number "<index>-<issue>"
    int64_t issue = 1;       // 1 = first issue, 2… = reissues
    std::string issuedAt;    // RFC 3339 UTC
    std::string issuedBy;    // records officer ID

    bool reissue() const { return issue > 1; }
    // A certificate of destruction (of a `medium-destroyed` entry) rather than of erasure.
    bool isDestruction() const;
    // The QR payload: the entry's exact bytes, "\n", then the proof text (massho(1), certificate).
    std::string payload() const;
};

// Throws CertificateRefused unless the entry is an erasure whose result is "erased" or a
// witnessed destruction (`medium-destroyed`).
void requireCertifiable(const EntryFields& fields, uint64_t index);

// How many certificate-issued entries name `index` (0: never issued).
int64_t certificatesIssuedFor(const Register& log, uint64_t index);

// Collects the certificate for entry `index` against the latest checkpoint. Refuses entries
// that get no certificate (CertificateRefused) and indexes beyond the register (RecordsError).
Certificate prepareCertificate(const Register& log, const std::string& origin, uint64_t index,
                               const std::string& issuedBy, const Clock& clock);

// The proof for `index` with the stored witness cosignatures of its checkpoint appended, so that
// a verifier holding a witness key can check them too.
std::string proofWithCosignatures(const Register& log, uint64_t index);

}  // namespace massho::records
