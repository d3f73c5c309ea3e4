#pragma once

#include <filesystem>

#include "massho/operations/operation.h"
#include "massho/records/people/users.h"
#include "massho/records/register/verify.h"

namespace massho::operations {

// "Verify the register now", the auditor's default check (`massho register verify` of the data
// directory: every leaf recomputed, every checkpoint compared with the tree, the latest
// signatures checked, with the register's own verifier key). It records nothing: Done when the
// register verifies, Failed naming the first problem. An auditor's act (Art. 7-3: the person
// who checks is not the one who erases). Runs on a job's worker thread; the register is opened
// read-only by the verification itself.
class VerifyRegisterOperation : public Operation {
  public:
    VerifyRegisterOperation(std::filesystem::path dataDir, records::User auditor);

    std::string_view name() const override { return "verify-register"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // What was checked (entries, checkpoints, signatures, the root); valid after run().
    const records::VerifyReport& report() const { return report_; }

  private:
    std::filesystem::path dataDir_;
    records::User auditor_;
    records::VerifyReport report_;
};

// One line for the person who asked: what verified, or where it failed.
std::string verifySummary(const records::VerifyReport& report);

}  // namespace massho::operations
