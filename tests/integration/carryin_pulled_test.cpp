// A carried-out medium pulled out while it is being taken back in: a real /dev/loopN over an
// nbdkit export (testsupport::PullableDisk) whose every request fails with EIO from the pull on.
// The medium first goes out through a real carry-out (so the return is matched, as in use), then
// comes back with a crypto-erase and is pulled mid-overwrite, or before its headers are
// destroyed. Either way the carry-in ends failed with the reason, its `carry-in` entry says so,
// nothing claims the medium erased, and nothing else is touched: the carry-out stands, no job is
// left open, the register verifies and a device beside it keeps every byte.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "class_three_carry_out.h"
#include "massho/erase/method.h"
#include "massho/image/x25519_keys.h"
#include "massho/operations/carryin_operation.h"
#include "massho/operations/carryout_operation.h"
#include "massho/operations/job_journal.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/verify.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/pullable_disk.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::operations {
namespace {

namespace fs = std::filesystem;
constexpr uint64_t kMiB = 1u << 20;
constexpr uint64_t kSize = 64 * kMiB;

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class CarryInPulledTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        ASSERT_TRUE(testsupport::PullableDisk::toolsPresent())
            << "nbdkit, nbdfuse or fuse3 is missing: run appliance/tools/install-deps";
        store_.emplace(records::Store::create(tmp_ / "data", "test/carryin-pulled", "admin",
                                              "Admin", "admin-passphrase-1"));
        fs::create_directories(tmp_ / "disk");
        disk_.emplace(tmp_ / "disk", kSize);
        std::string marker;
        for (int i = 0; marker.size() < kMiB; ++i) marker += "BYSTANDER-" + std::to_string(i) + ";";
        { std::ofstream(tmp_ / "bystander.img", std::ios::binary) << marker; }
        bystanderBefore_ = fileBytes(tmp_ / "bystander.img");
        bystander_.emplace(tmp_ / "bystander.img");
        carryOut();
    }

    records::Register& signedRegister() { return store_->signedRegister(); }

    // A real carry-out to the pullable disk: the medium the carry-in then gets back.
    void carryOut() {
        fs::create_directories(tmp_ / "share");
        std::ofstream(tmp_ / "share" / "ledger.txt", std::ios::binary) << std::string(300000, 'L');
        CarryOutInput r = classThreeCarryOut(disk_->path(), {tmp_ / "share" / "ledger.txt"},
                                             tmp_ / "share", tmp_ / "data", "test/carryin-pulled");
        r.assetTag = "USB-PULL";
        CarryOutOperation operation(signedRegister(), std::move(r));
        operation.check();
        ProgressSink progress;
        const Outcome outcome = operation.run(progress, CancelToken());
        ASSERT_EQ(outcome.kind, OutcomeKind::Done) << outcome.message;
        ASSERT_TRUE(outcome.registerIndex);
        carryOutIndex_ = *outcome.registerIndex;
    }

    CarryInInput request() {
        CarryInInput r;
        r.devicePath = disk_->path();
        r.operatorId = "admin";
        r.cryptoErase = true;
        r.method = erase::findMethod("zero");
        r.dataDir = tmp_ / "data";
        return r;
    }

    // The return is recorded, matched to its carry-out, with the crypto-erase failed and why.
    records::EntryFields expectFailedReturnRecorded(const Outcome& outcome,
                                                    const std::string& reason) {
        EXPECT_EQ(outcome.kind, OutcomeKind::Failed) << outcome.message;
        EXPECT_EQ(outcome.message.rfind("crypto-erase FAILED: ", 0), 0u) << outcome.message;
        EXPECT_NE(outcome.message.find(reason), std::string::npos) << outcome.message;
        EXPECT_TRUE(outcome.registerIndex);
        const uint64_t last = signedRegister().size() - 1;
        EXPECT_EQ(outcome.registerIndex.value_or(0), last);
        auto entry = records::parseEntry(signedRegister().entry(last));
        EXPECT_EQ(records::entryText(entry, "kind"), "carry-in");
        EXPECT_EQ(records::entryText(entry, "matched"), "yes");
        EXPECT_EQ(records::entryIntegerOr(entry, "carry_out_index", -1),
                  static_cast<int64_t>(carryOutIndex_));
        EXPECT_EQ(records::entryText(entry, "asset"), "USB-PULL");
        EXPECT_EQ(records::entryText(entry, "crypto_erase"), "failed");
        EXPECT_NE(records::entryText(entry, "failure").find(reason), std::string::npos)
            << records::entryText(entry, "failure");
        return entry;
    }

    // Nothing else touched: the carry-out entry stands, no job is left open, the register
    // verifies, the device beside the pulled one has every byte it had, and nothing after the
    // carry-out claims a medium erased.
    void expectNothingElseAffected() {
        const auto carried = records::parseEntry(signedRegister().entry(carryOutIndex_));
        EXPECT_EQ(records::entryText(carried, "kind"), "carry-out");
        EXPECT_EQ(records::entryText(carried, "result"), "written");
        EXPECT_TRUE(JobJournal(signedRegister()).reconcile().empty());
        const auto verified = records::verifyRegister(tmp_ / "data");
        EXPECT_TRUE(verified.ok) << verified.text();
        bystander_.reset();
        EXPECT_TRUE(fileBytes(tmp_ / "bystander.img") == bystanderBefore_)
            << "the device beside the pulled one was written to";
        for (uint64_t i = carryOutIndex_ + 1; i < signedRegister().size(); ++i)
            EXPECT_NE(records::entryText(records::parseEntry(signedRegister().entry(i)), "result"),
                      "erased")
                << "entry " << i;
    }

    testsupport::TempDir tmp_;
    std::optional<records::Store> store_;
    std::optional<testsupport::PullableDisk> disk_;
    std::optional<testsupport::LoopDevice> bystander_;
    std::string bystanderBefore_;
    uint64_t carryOutIndex_ = 0;
};

// Pulled once the overwrite has written 8 MiB (the pull happens inside the engine's own progress
// report, so every later request fails): the erasure entry says failed with the device gone.
TEST_F(CarryInPulledTest, PulledDuringTheOverwriteTheReturnIsRecordedAsFailedWithTheReason) {
    CarryInOperation operation(signedRegister(), request());
    operation.check();
    bool pulled = false;
    ProgressSink progress([&](const ProgressUpdate& u) {
        if (!pulled && u.step == "erasing" && u.engine && u.done >= 8 * kMiB) {
            disk_->pull();
            pulled = true;
        }
    });
    const Outcome outcome = operation.run(progress, CancelToken());
    ASSERT_TRUE(pulled) << "the overwrite never reached 8 MiB: " << outcome.message;
    const auto entry = expectFailedReturnRecorded(outcome, "stopped answering");
    EXPECT_EQ(records::entryIntegerOr(entry, "headers_destroyed", -1), 1);
    ASSERT_TRUE(operation.result().erasureIndex);
    EXPECT_FALSE(operation.result().erased);
    const auto erasure =
        records::parseEntry(signedRegister().entry(*operation.result().erasureIndex));
    EXPECT_EQ(records::entryText(erasure, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erasure, "result"), "failed");
    EXPECT_EQ(records::entryText(erasure, "device_path"), disk_->path());
    EXPECT_NE(records::entryText(erasure, "error_ranges"), "");
    expectNothingElseAffected();
}

// Pulled after it was identified and matched, before anything was written: destroying the
// headers cannot read the medium, no overwrite starts, and the return says why.
TEST_F(CarryInPulledTest, PulledBeforeTheHeadersAreDestroyedTheReturnIsRecordedAsFailed) {
    CarryInOperation operation(signedRegister(), request());
    operation.check();
    const uint64_t before = signedRegister().size();
    disk_->pull();
    ProgressSink progress;
    const Outcome outcome = operation.run(progress, CancelToken());
    const auto entry = expectFailedReturnRecorded(outcome, disk_->path());
    EXPECT_EQ(signedRegister().size(), before + 1) << "only the carry-in entry";
    EXPECT_FALSE(operation.result().erasureIndex);
    EXPECT_EQ(records::entryText(entry, "headers_destroyed"), "");
    expectNothingElseAffected();
}

}  // namespace
}  // namespace massho::operations
