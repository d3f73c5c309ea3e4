#include "massho/operations/verify_register_operation.h"

#include "massho/base/base64.h"
#include "massho/operations/require_role.h"
#include "massho/records/register/errors.h"

namespace massho::operations {

VerifyRegisterOperation::VerifyRegisterOperation(std::filesystem::path dataDir,
                                                 records::User auditor)
    : dataDir_(std::move(dataDir)), auditor_(std::move(auditor)) {}

void VerifyRegisterOperation::check() {
    requireRole(auditor_, {records::Role::Auditor}, "verifying the register");
}

Outcome VerifyRegisterOperation::run(ProgressSink& progress, const CancelToken&) {
    progress.beginStep("verifying");
    records::VerifyOptions options;  // the default check: the register's own key
    options.onEntry = [&progress](uint64_t index, std::string_view) {
        if (index % 1024 == 0) progress.report(index, 0);
    };
    try {
        report_ = records::verifyRegister(dataDir_, options);
    } catch (const records::RecordsError& e) {
        return {OutcomeKind::Failed, std::string("the register cannot be read: ") + e.what(), {}};
    }
    progress.report(report_.entries, report_.entries);
    return {report_.ok ? OutcomeKind::Done : OutcomeKind::Failed, verifySummary(report_), {}};
}

std::string verifySummary(const records::VerifyReport& report) {
    if (!report.ok) {
        const std::string where =
            report.firstBadIndex ? " at entry " + std::to_string(*report.firstBadIndex) : "";
        return "register verification FAILED" + where + ": " + report.problem;
    }
    return "register verified: " + std::to_string(report.entries) + " entries, " +
           std::to_string(report.checkpoints) + " checkpoints, " +
           std::to_string(report.signaturesChecked) + " signatures checked; root " +
           base::base64::encode(std::string_view(reinterpret_cast<const char*>(report.root.data()),
                                                 report.root.size()));
}

}  // namespace massho::operations
