#include "massho/operations/issue_certificate_batch_operation.h"

#include "massho/operations/require_role.h"
#include "massho/records/papers/certificate.h"
#include "massho/records/register/clock.h"

namespace massho::operations {

IssueCertificateBatchOperation::IssueCertificateBatchOperation(records::Store& store,
                                                               records::User officer,
                                                               IssueCertificateBatchInput input)
    : store_(store), officer_(std::move(officer)), input_(std::move(input)) {}

void IssueCertificateBatchOperation::check() {
    requireRole(officer_, {records::Role::RecordsOfficer}, "issuing certificates");
    if (!input_.dateJst && !input_.request)
        throw OperationError(base::ErrorCategory::BadInput,
                             "choose the certificates: a day (YYYY-MM-DD) or an approval request");
    if (input_.dateJst && !records::isValidDate(*input_.dateJst))
        throw OperationError(
            base::ErrorCategory::BadInput,
            "the day '" + *input_.dateJst + "' is not a date written as " + records::kDateRule);
    selected_ = records::selectErasures(store_.signedRegister(), input_.dateJst, input_.request);
    if (selected_.empty())
        throw OperationError(base::ErrorCategory::Failed,
                             "no successful erasure matches: there is nothing to certify");
}

Outcome IssueCertificateBatchOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("issuing");
    try {
        issued_ = records::issueCertificateBatch(store_, selected_, officer_.id, input_.deliver);
    } catch (const records::CertificateRefused& e) {
        throw OperationError(base::ErrorCategory::Failed, e.what());
    }
    progress.report(1, 1);
    return {OutcomeKind::Done,
            std::to_string(issued_.certificates.size()) + " certificates, recorded as entries " +
                std::to_string(issued_.recordIndexes.front()) + " to " +
                std::to_string(issued_.recordIndexes.back()),
            issued_.recordIndexes.back()};
}

}  // namespace massho::operations
