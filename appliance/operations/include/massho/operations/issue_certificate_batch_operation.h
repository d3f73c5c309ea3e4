#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "massho/operations/operation.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct IssueCertificateBatchInput {
    std::optional<std::string> dateJst;  // erasures that ended on this day (YYYY-MM-DD, JST)
    std::optional<std::string> request;  // erasures done for this approval request
    records::PdfDelivery deliver;        // as IssueCertificateInput::deliver
};

// "Certify a day's (or a request's) erasures" as one multi-page PDF: one `certificate-issued`
// entry per certificate, all in one transaction (records::issueCertificateBatch). A records
// officer's act. check(): the role, the selection (a date or a request, a valid date) and that
// it matches at least one successful erasure; nothing to certify is a failure, as it always was
// for the command line (exit 1).
class IssueCertificateBatchOperation : public Operation {
  public:
    IssueCertificateBatchOperation(records::Store& store, records::User officer,
                                   IssueCertificateBatchInput input);

    std::string_view name() const override { return "certificate-batch"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    const records::IssuedBatch& issued() const { return issued_; }

  private:
    records::Store& store_;
    records::User officer_;
    IssueCertificateBatchInput input_;
    std::vector<uint64_t> selected_;
    records::IssuedBatch issued_;
};

}  // namespace massho::operations
