// The carry-in operation without the command line, on a real loop device and a real data
// directory: a return is recorded however its crypto-erase ends.
#include "massho/operations/carryin_operation.h"

#include <gtest/gtest.h>

#include "massho/erase/method.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

constexpr uint64_t kSize = 64u << 20;

class CarryInOperationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        store_.emplace(records::Store::create(tmp_ / "data", "test/carryin-op", "admin", "Admin",
                                              "admin-passphrase-1"));
        medium_.emplace(tmp_ / "usb.img", kSize);
    }

    CarryInInput request(bool cryptoErase) {
        CarryInInput r;
        r.devicePath = medium_->path();
        r.operatorId = "admin";
        r.cryptoErase = cryptoErase;
        r.method = erase::findMethod("zero");
        r.dataDir = tmp_ / "data";
        return r;
    }

    records::Register& signedRegister() { return store_->signedRegister(); }

    testsupport::TempDir tmp_;
    std::optional<records::Store> store_;
    std::optional<testsupport::LoopDevice> medium_;
};

TEST_F(CarryInOperationTest, AnUnmatchedReturnIsDoneAndRecorded) {
    CarryInOperation operation(signedRegister(), request(false));
    operation.check();
    ProgressSink progress;
    const Outcome outcome = operation.run(progress, CancelToken());
    EXPECT_EQ(outcome.kind, OutcomeKind::Done);
    EXPECT_EQ(outcome.message, "no carry-out of this medium was found (recorded as unmatched)");
    ASSERT_TRUE(outcome.registerIndex);
    EXPECT_EQ(*outcome.registerIndex, signedRegister().size() - 1);
    const auto entry = records::parseEntry(signedRegister().entry(*outcome.registerIndex));
    EXPECT_EQ(records::entryText(entry, "kind"), "carry-in");
    EXPECT_EQ(records::entryText(entry, "matched"), "no");
    EXPECT_EQ(records::entryText(entry, "crypto_erase"), "not requested");
}

// Crypto-erased to the end: the outcome a front-end shows names the overwrite's own entry.
TEST_F(CarryInOperationTest, ACryptoEraseNamesItsErasureEntryInTheOutcome) {
    CarryInOperation operation(signedRegister(), request(true));
    operation.check();
    ProgressSink progress;
    const Outcome outcome = operation.run(progress, CancelToken());
    ASSERT_EQ(outcome.kind, OutcomeKind::Done) << outcome.message;
    const auto& result = operation.result();
    ASSERT_TRUE(result.erasureIndex);
    EXPECT_TRUE(result.erased);
    EXPECT_NE(outcome.message.find("crypto-erased"), std::string::npos) << outcome.message;
    EXPECT_NE(outcome.message.find("register entry " + std::to_string(*result.erasureIndex)),
              std::string::npos)
        << outcome.message;
}

// Cancelled while overwriting: the return is still recorded, its crypto-erase as failed, and the
// outcome says it was interrupted, not done.
TEST_F(CarryInOperationTest, ACryptoEraseCancelledWhileOverwritingIsInterruptedAndRecorded) {
    CarryInOperation operation(signedRegister(), request(true));
    operation.check();
    CancelToken cancel;
    ProgressSink progress([&](const ProgressUpdate& u) {
        if (u.step == "erasing" && u.engine) cancel.request();
    });
    const Outcome outcome = operation.run(progress, cancel);
    const auto& result = operation.result();
    ASSERT_TRUE(outcome.registerIndex);
    EXPECT_EQ(*outcome.registerIndex, signedRegister().size() - 1);
    const auto entry = records::parseEntry(signedRegister().entry(*outcome.registerIndex));
    EXPECT_EQ(records::entryText(entry, "kind"), "carry-in");
    ASSERT_TRUE(result.erasureIndex);
    // The engine looks at the token between chunks, of the pass and of the verification.
    EXPECT_EQ(records::entryText(records::parseEntry(signedRegister().entry(*result.erasureIndex)),
                                 "result"),
              "cancelled");
    EXPECT_EQ(outcome.kind, OutcomeKind::Interrupted) << outcome.message;
    EXPECT_NE(outcome.message.find("NOT erased"), std::string::npos) << outcome.message;
    EXPECT_EQ(records::entryText(entry, "crypto_erase"), "failed");
    EXPECT_FALSE(result.erased);
}

}  // namespace
}  // namespace massho::operations
