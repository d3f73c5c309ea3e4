// Approval requests as operations, on a real data directory: an operator asks, a data manager
// decides, and nobody decides their own request.
#include <gtest/gtest.h>

#include <fstream>

#include "massho/operations/create_request_operation.h"
#include "massho/operations/decide_request_operation.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

using records::Role;

const std::string kPassword = "Correct-Horse-42";

class RequestOperationsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store.emplace(records::Store::create(dir / "data", "test.example/requests", "admin",
                                             "Admin", kPassword));
        sato = store->users().add({"sato", "", {Role::Operator}, {}}, kPassword, "admin");
        yamada = store->users().add({"yamada", "", {Role::DataManager}, {}}, kPassword, "admin");
        // Holds both roles: may ask and may decide, never on the same request.
        both = store->users().add({"both", "", {Role::Operator, Role::DataManager}, {}}, kPassword,
                                  "admin");
        std::ofstream(image, std::ios::binary) << std::string(1 << 20, '\x5a');
    }

    records::Request ask(const records::User& by) {
        CreateRequestInput input;
        input.details.kind = records::RequestKind::Erase;
        input.details.purpose = "disposal";
        input.details.infoClass = 2;
        input.details.assetTag = "PC-0001";
        input.details.method = "zero";
        input.devicePath = image.string();
        input.allowRegularFile = true;
        CreateRequestOperation create(*store, by, std::move(input));
        create.check();
        EXPECT_TRUE(create.run(progress, cancel).done());
        return create.request();
    }
    Outcome decide(const records::User& by, const std::string& id,
                   Decision decision = Decision::Approve) {
        DecideRequestOperation op(*store, by, {id, decision, "not this month"});
        op.check();
        return op.run(progress, cancel);
    }
    std::string lastKind() {
        return records::entryString(
            records::parseEntry(store->signedRegister().entry(store->signedRegister().size() - 1)),
            "kind");
    }

    testsupport::TempDir dir;
    std::filesystem::path image = dir / "disk.img";
    std::optional<records::Store> store;
    records::User sato, yamada, both;
    ProgressSink progress;
    CancelToken cancel;
};

TEST_F(RequestOperationsTest, AnOperatorAsksAboutTheDiscoveredMediumAndADataManagerApproves) {
    const records::Request r = ask(sato);
    EXPECT_EQ(r.requester, "sato");
    // The medium as discovery describes it, for the erasure to be matched against.
    EXPECT_EQ(r.details.device.path, std::filesystem::absolute(image).string());
    EXPECT_EQ(r.details.device.model, "disk image file");
    EXPECT_EQ(lastKind(), records::EntryKind::RequestCreated);

    const Outcome approved = decide(yamada, r.id);
    ASSERT_TRUE(approved.done());
    EXPECT_EQ(approved.registerIndex, store->signedRegister().size() - 1);
    EXPECT_EQ(lastKind(), records::EntryKind::RequestApproved);
    EXPECT_EQ(store->requests().get(r.id).state, records::RequestState::Approved);
}

TEST_F(RequestOperationsTest, NoOneDecidesTheirOwnRequestAndTheAttemptIsRecorded) {
    const records::Request r = ask(both);
    const uint64_t before = store->signedRegister().size();
    const Outcome outcome = decide(both, r.id);
    EXPECT_EQ(outcome.kind, OutcomeKind::Refused);
    EXPECT_NE(outcome.message.find("separation of duties"), std::string::npos) << outcome.message;
    // One entry: the refusal (kept for the auditors), and the request still waits.
    EXPECT_EQ(store->signedRegister().size(), before + 1);
    EXPECT_EQ(outcome.registerIndex, before);
    EXPECT_EQ(lastKind(), records::EntryKind::ApprovalRefused);
    EXPECT_EQ(store->requests().get(r.id).state, records::RequestState::Pending);
}

TEST_F(RequestOperationsTest, WrongPeopleAndWrongRequestsStopBeforeAnythingIsWritten) {
    const uint64_t before = store->signedRegister().size();
    CreateRequestInput input;
    input.details.kind = records::RequestKind::Erase;
    input.details.method = "zero";
    input.devicePath = image.string();
    input.allowRegularFile = true;
    CreateRequestOperation byDataManager(*store, yamada, input);
    try {
        byDataManager.check();
        ADD_FAILURE() << "a data manager made a request";
    } catch (const OperationError& e) {
        EXPECT_EQ(e.category(), base::ErrorCategory::Refused);
    }
    DecideRequestOperation unknown(*store, yamada, {"REQ-999999", Decision::Approve, {}});
    try {
        unknown.check();
        ADD_FAILURE() << "an unknown request passed";
    } catch (const base::Error& e) {
        EXPECT_EQ(e.category(), base::ErrorCategory::BadInput);
    }
    EXPECT_EQ(store->signedRegister().size(), before);
}

}  // namespace
}  // namespace massho::operations
