// The carry-out operation without the command line, on a real loop device and a real data
// directory: how each way of not finishing ends (refused, failed, cancelled) and what it records.
#include "massho/operations/carryout_operation.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "massho/base/reason.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/job_journal.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
constexpr uint64_t kSize = 64u << 20;
constexpr const char* kPassword = "Correct-Horse-42";
constexpr const char* kRequest = "REQ-000001";  // the first request of a new register

// The register's clock, fixed: every time the carry-out records comes from it.
records::TimePoint fixedNow() {
    return records::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 12 / 1) + 9h);
}

class CarryOutOperationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        store_.emplace(records::Store::create(tmp_ / "data", "test/carryout-op", "admin", "Admin",
                                              "admin-passphrase-1", [] { return fixedNow(); }));
        store_->users().add({"op", "", {records::Role::Operator}, {}}, kPassword, "admin");
        store_->users().add({"dm", "", {records::Role::DataManager}, {}}, kPassword, "admin");
        fs::create_directories(tmp_ / "share");
        std::ofstream(tmp_ / "share" / "report.txt", std::ios::binary) << std::string(50000, 'r');
        medium_.emplace(tmp_ / "usb.img", kSize);
    }

    records::Store& store() { return *store_; }
    records::Register& signedRegister() { return store_->signedRegister(); }

    // Class 2: it needs the approved request kRequest (Art. 8(7)).
    CarryOutInput request() {
        CarryOutInput r;
        r.devicePath = medium_->path();
        r.files = {tmp_ / "share" / "report.txt"};
        r.recipients = {image::X25519Identity::generate().recipient()};
        r.infoClass = 2;
        r.destination = "north office";
        r.requestId = kRequest;
        r.requests = &store_->requests();
        r.operatorId = "op";
        r.assetTag = "USB-9";
        r.origin = "test/carryout-op";
        r.allowedSources = {fs::canonical(tmp_ / "share")};
        r.dataDir = tmp_ / "data";
        r.clock = store_->clock();
        return r;
    }

    // Requested by the operator and approved by the data manager for exactly this medium.
    void approve(const MediumDescription& medium) {
        records::RequestDetails d;
        d.kind = records::RequestKind::Carryout;
        d.purpose = "carryout";
        d.infoClass = 2;
        d.assetTag = "USB-9";
        d.destination = "north office";
        d.device = {medium.path, medium.model, medium.serial, medium.sizeBytes};
        ASSERT_EQ(store_->requests().create(d, "op").id, kRequest);
        store_->requests().approve(kRequest, "dm");
    }

    // The medium as a carry-out describes it, for the approval: class 4 needs none, so checking
    // claims nothing and records nothing.
    MediumDescription describedMedium() {
        CarryOutInput probe = request();
        probe.infoClass = 4;
        probe.requestId.reset();
        CarryOutOperation operation(signedRegister(), std::move(probe));
        operation.check();
        return operation.medium();
    }

    records::EntryFields entry(uint64_t index) {
        return records::parseEntry(signedRegister().entry(index));
    }
    std::string kindOf(uint64_t index) { return records::entryText(entry(index), "kind"); }

    testsupport::TempDir tmp_;
    std::optional<records::Store> store_;
    std::optional<testsupport::LoopDevice> medium_;
};

// The approval is claimed by check(), before the medium is touched: a request that does not fit
// is a refusal, recorded (Art. 16(3)) and thrown with the claim's reason key, so that the
// service can say it in the kiosk's language before any job starts.
TEST_F(CarryOutOperationTest, AnApprovalThatDoesNotFitIsARefusalRecordedBeforeTheMediumIsTouched) {
    CarryOutOperation operation(signedRegister(), request());
    const uint64_t before = signedRegister().size();
    try {
        operation.check();
        ADD_FAILURE() << "a request that does not exist must be refused";
    } catch (const OperationError& e) {
        EXPECT_EQ(e.category(), base::ErrorCategory::Refused);
        EXPECT_EQ(std::string(e.what()).rfind("carry-out refused: no request REQ-000001", 0), 0u)
            << e.what();
        const base::Reason* reason = base::reasonOf(e);
        ASSERT_NE(reason, nullptr) << "the claim's reason key is kept";
        EXPECT_EQ(reason->key, "request.unknown");
        EXPECT_EQ(reason->args, std::vector<std::string>{kRequest});
    }
    ASSERT_EQ(signedRegister().size(), before + 1) << "only the refusal is recorded";
    EXPECT_EQ(kindOf(before), "carry-out-refused");
    EXPECT_EQ(records::entryText(entry(before), "reason").rfind("carry-out refused: no request", 0),
              0u);
}

// Approved for another destination: the same refusal, with its own key, and the approval is
// left as it was for the carry-out it does fit.
TEST_F(CarryOutOperationTest, AnApprovalForAnotherDestinationIsRefusedAndStaysApproved) {
    approve(describedMedium());
    CarryOutInput elsewhere = request();
    elsewhere.destination = "south office";
    CarryOutOperation operation(signedRegister(), std::move(elsewhere));
    try {
        operation.check();
        ADD_FAILURE() << "an approval for the north office must not carry data south";
    } catch (const OperationError& e) {
        const base::Reason* reason = base::reasonOf(e);
        ASSERT_NE(reason, nullptr) << e.what();
        EXPECT_EQ(reason->key, "request.mismatch") << e.what();
    }
    EXPECT_EQ(kindOf(signedRegister().size() - 1), "carry-out-refused");
    EXPECT_EQ(store().requests().get(kRequest).state, records::RequestState::Approved);
}

// A register that cannot be read is not a refusal by the standard: the error stays a failure
// (exit 1), and no `carry-out-refused` entry claims a refusal that nobody made.
TEST_F(CarryOutOperationTest, ADatabaseErrorDuringTheClaimIsAFailureNotARefusal) {
    approve(describedMedium());
    CarryOutOperation operation(signedRegister(), request());
    store().database().exec("ALTER TABLE requests RENAME TO requests_elsewhere");
    const uint64_t before = signedRegister().size();
    try {
        operation.check();
        ADD_FAILURE() << "a claim that cannot be read must not go ahead";
    } catch (const records::DatabaseError& e) {
        EXPECT_EQ(e.category(), base::ErrorCategory::Failed) << e.what();
    }
    EXPECT_EQ(signedRegister().size(), before) << "nothing recorded, nothing refused";
}

// Cancelled while erasing: the carry-out ends Interrupted, its `carry-out` entry says
// "interrupted" and closes the started entry, and the approval is released for a retry citing
// that entry.
TEST_F(CarryOutOperationTest, CancelledWhileErasingEndsInterruptedAndReleasesTheApproval) {
    approve(describedMedium());
    CarryOutOperation operation(signedRegister(), request());
    operation.check();
    CancelToken cancel;
    std::vector<std::string> steps;
    ProgressSink progress([&](const ProgressUpdate& u) {
        if (steps.empty() || steps.back() != u.step) steps.push_back(u.step);
        if (u.step == "erasing") cancel.request();
    });
    const uint64_t before = signedRegister().size();
    const Outcome outcome = operation.run(progress, cancel);
    EXPECT_EQ(outcome.kind, OutcomeKind::Interrupted) << outcome.message;
    EXPECT_EQ(steps, std::vector<std::string>{"erasing"}) << "nothing formatted or written";
    ASSERT_TRUE(outcome.registerIndex);
    const auto closing = entry(*outcome.registerIndex);
    EXPECT_EQ(records::entryText(closing, "kind"), "carry-out");
    EXPECT_EQ(records::entryText(closing, "result"), "interrupted");
    // The engine looks at the token between chunks, of the pass and of the verification.
    EXPECT_EQ(records::entryText(closing, "failure").rfind("cancelled during the erasure", 0), 0u)
        << records::entryText(closing, "failure");
    EXPECT_EQ(
        records::entryText(
            entry(static_cast<uint64_t>(records::entryIntegerOr(closing, "erasure_index", -1))),
            "result"),
        "cancelled");
    EXPECT_EQ(records::entryText(closing, "started"), "2026-12-01T09:00:00Z") << "the register's";
    EXPECT_EQ(records::entryText(closing, "ended"), "2026-12-01T09:00:00Z") << "clock";
    EXPECT_EQ(records::entryText(closing, "package").rfind("MASSHO-20261201-", 0), 0u);
    const uint64_t started =
        static_cast<uint64_t>(records::entryIntegerOr(closing, "started_entry", -1));
    EXPECT_EQ(started, before);
    EXPECT_EQ(kindOf(started), "carry-out-started");
    // The release is the last entry and cites the entry that records how the carry-out ended.
    ASSERT_EQ(signedRegister().size(), *outcome.registerIndex + 2);
    const auto released = entry(signedRegister().size() - 1);
    EXPECT_EQ(records::entryText(released, "kind"), "request-released");
    EXPECT_EQ(records::entryIntegerOr(released, "result_entry", -1),
              static_cast<int64_t>(*outcome.registerIndex));
    EXPECT_EQ(store().requests().get(kRequest).state, records::RequestState::Approved);
    EXPECT_TRUE(JobJournal(signedRegister()).reconcile().empty()) << "no job left open";
}

// The package is read back from the medium after it is written, which for a 5 GB package takes
// as long as writing it: that is a step of its own ("checking"), reported to its last byte.
TEST_F(CarryOutOperationTest, AWrittenPackageIsCheckedOnTheMediumToItsLastByte) {
    CarryOutInput input = request();
    input.infoClass = 3;  // no approval needed
    input.requestId.reset();
    CarryOutOperation operation(signedRegister(), std::move(input));
    std::vector<std::string> steps;
    ProgressUpdate lastChecking;
    ProgressSink progress([&](const ProgressUpdate& u) {
        if (steps.empty() || steps.back() != u.step) steps.push_back(u.step);
        if (u.step == "checking") lastChecking = u;
    });
    const Outcome outcome = operation.run(progress, CancelToken{});
    ASSERT_EQ(outcome.kind, OutcomeKind::Done) << outcome.message;
    EXPECT_EQ(steps, (std::vector<std::string>{"erasing", "formatting", "writing", "checking"}));
    EXPECT_EQ(lastChecking.total, operation.result().package.ciphertextBytes);
    EXPECT_EQ(lastChecking.done, lastChecking.total);
    EXPECT_DOUBLE_EQ(progress.last().fraction, 1.0);
}

TEST_F(CarryOutOperationTest, CancelledBeforeItStartsRecordsNothing) {
    approve(describedMedium());
    CarryOutOperation operation(signedRegister(), request());
    operation.check();
    const uint64_t before = signedRegister().size();
    CancelToken cancel;
    cancel.request();
    ProgressSink progress;
    const Outcome outcome = operation.run(progress, cancel);
    EXPECT_EQ(outcome.kind, OutcomeKind::Interrupted);
    EXPECT_FALSE(outcome.registerIndex);
    EXPECT_EQ(signedRegister().size(), before);
    EXPECT_EQ(store().requests().get(kRequest).state, records::RequestState::Approved);
}

}  // namespace
}  // namespace massho::operations
