#include "massho/operations/print_certificate_operation.h"

#include "massho/base/digest.h"
#include "massho/operations/require_entry.h"
#include "massho/operations/require_role.h"
#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/database.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"

namespace massho::operations {

PrintCertificateOperation::PrintCertificateOperation(records::Store& store, records::User officer,
                                                     PrintCertificateInput input)
    : store_(store), officer_(std::move(officer)), input_(std::move(input)) {}

void PrintCertificateOperation::check() {
    requireRole(officer_, {records::Role::RecordsOfficer}, "printing a certificate");
    requireEntry(store_.signedRegister(), input_.index);
    try {
        pdf_ = records::archivedCertificate(store_, input_.index);
    } catch (const records::RecordsError& e) {
        throw OperationError(base::ErrorCategory::Failed, e.what());
    }
}

Outcome PrintCertificateOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("printing");
    if (input_.send) input_.send(pdf_);
    records::EntryBuilder printed(records::EntryKind::CertificatePrinted, store_.clock());
    printed.set("entry", static_cast<int64_t>(input_.index));
    printed.set("pdf_sha256", base::sha256Hex(pdf_));
    printed.set("printer", input_.printer.value_or("default"));
    printed.set("by", officer_.id);
    records::Transaction tx(store_.database());
    const uint64_t recorded = store_.signedRegister().append(printed.finish());
    tx.commit();
    progress.report(1, 1);
    return {OutcomeKind::Done, "printing recorded as register entry " + std::to_string(recorded),
            recorded};
}

}  // namespace massho::operations
