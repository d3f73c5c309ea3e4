// Issuing and printing a disposal certificate as operations, on a real data directory: what a
// records officer gets in the register, and what anyone else is refused before anything is
// written.
#include <gtest/gtest.h>

#include "massho/base/digest.h"
#include "massho/operations/issue_certificate_batch_operation.h"
#include "massho/operations/issue_certificate_operation.h"
#include "massho/operations/print_certificate_operation.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

using records::Role;

const std::string kPassword = "Correct-Horse-42";

std::string erasure(const std::string& result) {
    records::EntryBuilder b("erasure");
    b.set("result", result)
        .set("operator", "sato")
        .set("purpose", "disposal")
        .set("class", int64_t{3})
        .set("asset", "PC-0001")
        .set("device_path", "/dev/sdb")
        .set("device_model", "WDC WD5000AAKX")
        .set("device_serial", "WD-1234")
        .set("device_transport", "sata")
        .set("device_media_type", "hdd")
        .set("device_size", int64_t{500107862016})
        .set("device_sector", int64_t{512})
        .set("method", "zero")
        .set("method_name", "Zero fill")
        .set("passes", "1: 0x00")
        .set("pass_count", int64_t{1})
        .set("bytes_written", int64_t{500107862016})
        .set("error_ranges", "")
        .set("verify_mode", "full")
        .set("verify_result", "passed")
        .set("verify_bytes", int64_t{500107862016})
        .set("nist_level", "clear")
        .set("started", "2026-03-02T01:15:00Z")
        .set("ended", "2026-03-02T02:40:05Z")
        .set("software", "massho 0.1.0");
    return b.finish();
}

class CertificateOperationsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store.emplace(records::Store::create(dir / "data", "test.example/certs", "admin", "Admin",
                                             kPassword));
        officer =
            store->users().add({"suzuki", "", {Role::RecordsOfficer}, {}}, kPassword, "admin");
        operatorUser = store->users().add({"sato", "", {Role::Operator}, {}}, kPassword, "admin");
        erased = store->signedRegister().append(erasure("erased"));
        failedRun = store->signedRegister().append(erasure("failed"));
    }
    records::EntryFields last() {
        return records::parseEntry(
            store->signedRegister().entry(store->signedRegister().size() - 1));
    }
    static base::ErrorCategory refusal(Operation& op) {
        try {
            op.check();
        } catch (const OperationError& e) {
            return e.category();
        }
        ADD_FAILURE() << "checked";
        return base::ErrorCategory::Failed;
    }

    testsupport::TempDir dir;
    std::optional<records::Store> store;
    records::User officer, operatorUser;
    uint64_t erased = 0, failedRun = 0;
    ProgressSink progress;
    CancelToken cancel;
};

TEST_F(CertificateOperationsTest, AnOfficerIssuesThenPrintsAndBothAreRecorded) {
    std::string delivered;
    IssueCertificateOperation issue(*store, officer,
                                    {erased, [&](const std::string& pdf) { delivered = pdf; }});
    issue.check();
    const Outcome issuedOutcome = issue.run(progress, cancel);
    ASSERT_TRUE(issuedOutcome.done());
    EXPECT_EQ(issuedOutcome.registerIndex, issue.issued().recordIndex);
    EXPECT_EQ(delivered.substr(0, 5), "%PDF-");
    EXPECT_EQ(records::entryString(last(), "kind"), records::EntryKind::CertificateIssued);

    std::string sent;
    PrintCertificateOperation print(
        *store, officer, {erased, "office-a", [&](const std::string& pdf) { sent = pdf; }});
    print.check();
    const Outcome printed = print.run(progress, cancel);
    ASSERT_TRUE(printed.done());
    // The archived bytes, not a re-render, and the entry says who printed which bytes where.
    EXPECT_EQ(sent, delivered);
    const auto entry = last();
    EXPECT_EQ(printed.registerIndex, store->signedRegister().size() - 1);
    EXPECT_EQ(records::entryString(entry, "kind"), records::EntryKind::CertificatePrinted);
    EXPECT_EQ(records::entryInteger(entry, "entry"), static_cast<int64_t>(erased));
    EXPECT_EQ(records::entryString(entry, "pdf_sha256"), base::sha256Hex(delivered));
    EXPECT_EQ(records::entryString(entry, "printer"), "office-a");
    EXPECT_EQ(records::entryString(entry, "by"), "suzuki");
}

TEST_F(CertificateOperationsTest, RefusalsComeBeforeAnythingIsWritten) {
    const uint64_t size = store->signedRegister().size();
    IssueCertificateOperation byOperator(*store, operatorUser, {erased, {}});
    EXPECT_EQ(refusal(byOperator), base::ErrorCategory::Refused);
    IssueCertificateOperation ofAFailedRun(*store, officer, {failedRun, {}});
    EXPECT_EQ(refusal(ofAFailedRun), base::ErrorCategory::Refused);
    IssueCertificateOperation ofNothing(*store, officer, {size + 5, {}});
    EXPECT_EQ(refusal(ofNothing), base::ErrorCategory::BadInput);
    // Never issued: nothing to print.
    PrintCertificateOperation unissued(*store, officer, {erased, std::nullopt, {}});
    EXPECT_EQ(refusal(unissued), base::ErrorCategory::Failed);
    IssueCertificateBatchOperation nothingThatDay(*store, officer, {"2026-04-01", {}, {}});
    EXPECT_EQ(refusal(nothingThatDay), base::ErrorCategory::Failed);
    EXPECT_EQ(store->signedRegister().size(), size);
}

TEST_F(CertificateOperationsTest, ADaysBatchRecordsOneIssuePerCertificate) {
    IssueCertificateBatchOperation batch(*store, officer, {"2026-03-02", {}, {}});
    batch.check();
    const Outcome outcome = batch.run(progress, cancel);
    ASSERT_TRUE(outcome.done());
    ASSERT_EQ(batch.issued().certificates.size(), 1u);
    EXPECT_EQ(batch.issued().certificates[0].index, erased);
    EXPECT_EQ(records::entryInteger(last(), "entry"), static_cast<int64_t>(erased));
}

}  // namespace
}  // namespace massho::operations
