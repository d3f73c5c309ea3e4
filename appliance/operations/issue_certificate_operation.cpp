#include "massho/operations/issue_certificate_operation.h"

#include <string>

#include "massho/operations/require_entry.h"
#include "massho/operations/require_role.h"
#include "massho/records/papers/certificate.h"
#include "massho/records/register/canonical_json.h"

namespace massho::operations {

IssueCertificateOperation::IssueCertificateOperation(records::Store& store, records::User officer,
                                                     IssueCertificateInput input)
    : store_(store), officer_(std::move(officer)), input_(std::move(input)) {}

void IssueCertificateOperation::check() {
    requireRole(officer_, {records::Role::RecordsOfficer}, "issuing a certificate");
    requireEntry(store_.signedRegister(), input_.index);
    try {
        records::requireCertifiable(
            records::parseEntry(store_.signedRegister().entry(input_.index)), input_.index);
    } catch (const records::CertificateRefused& e) {
        throw OperationError(base::ErrorCategory::Refused, e.what());
    }
}

Outcome IssueCertificateOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("issuing");
    try {
        issued_ = records::issueCertificate(store_, input_.index, officer_.id, input_.deliver);
    } catch (const records::CertificateRefused& e) {
        throw OperationError(base::ErrorCategory::Refused, e.what());
    }
    progress.report(1, 1);
    return {
        OutcomeKind::Done,
        "certificate " + issued_.certificate.number + " for entry " + std::to_string(input_.index),
        issued_.recordIndex};
}

}  // namespace massho::operations
