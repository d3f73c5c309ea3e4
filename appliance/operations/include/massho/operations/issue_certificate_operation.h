#pragma once

#include <cstdint>

#include "massho/operations/operation.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct IssueCertificateInput {
    uint64_t index = 0;  // the erasure (or destruction) entry
    // Hands the PDF to where the person asked (a file, a D-Bus reply) inside the issuing
    // transaction: when it throws, nothing is recorded (records::PdfDelivery).
    records::PdfDelivery deliver;
};

// "Issue a disposal certificate for this entry" (データ消去証明書): a records officer's act.
// check(): the officer's role, the entry exists and gets a certificate (a successful erasure
// or a witnessed destruction). run(): renders, archives in DATA_DIR/certificates/ and appends
// the `certificate-issued` entry (records::issueCertificate); a later issue is a reissue.
class IssueCertificateOperation : public Operation {
  public:
    IssueCertificateOperation(records::Store& store, records::User officer,
                              IssueCertificateInput input);

    std::string_view name() const override { return "certificate"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // After run(): the certificate, its PDF bytes, SHA-256 and archived path.
    const records::IssuedCertificate& issued() const { return issued_; }

  private:
    records::Store& store_;
    records::User officer_;
    IssueCertificateInput input_;
    records::IssuedCertificate issued_;
};

}  // namespace massho::operations
