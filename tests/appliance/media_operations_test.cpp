// Media ledger acts as operations, on a real data directory: who may keep the ledger, who may
// classify, and a destruction that needs a second person.
#include <gtest/gtest.h>

#include "massho/operations/add_medium_operation.h"
#include "massho/operations/close_medium_operation.h"
#include "massho/operations/destroy_medium_operation.h"
#include "massho/operations/move_medium_operation.h"
#include "massho/operations/update_medium_operation.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/testsupport/temp_dir.h"
#include "operation_test_base.h"

namespace massho::operations {
namespace {

using records::Role;

const std::string kPassword = "Correct-Horse-42";

class MediaOperationsTest : public OperationTestBase {
  protected:
    void SetUp() override {
        store.emplace(records::Store::create(dir / "data", "test.example/media", "admin", "Admin",
                                             kPassword));
        sato = store->users().add({"sato", "", {Role::Operator}, {}}, kPassword, "admin");
        suzuki = store->users().add({"suzuki", "", {Role::Operator}, {}}, kPassword, "admin");
        tanaka = store->users().add({"tanaka", "", {Role::DataManager}, {}}, kPassword, "admin");
        auditor = store->users().add({"kato", "", {Role::Auditor}, {}}, kPassword, "admin");
        records::NewMedium m;
        m.tag = "PC-0001";
        m.infoClass = 3;
        m.mediaType = "hdd";
        m.model = "WDC WD5000AAKX";
        m.serial = "WD-1234";
        medium = m;
    }
    std::string kindOf(std::optional<uint64_t> index) {
        return records::entryString(
            records::parseEntry(store->signedRegister().entry(index.value())), "kind");
    }

    testsupport::TempDir dir;
    std::optional<records::Store> store;
    records::User sato, suzuki, tanaka, auditor;
    records::NewMedium medium;
};

TEST_F(MediaOperationsTest, AnOperatorRegistersMovesAndADataManagerReclassifies) {
    const Outcome added = perform(AddMediumOperation(*store, sato, {medium, "tanaka"}));
    EXPECT_EQ(kindOf(added.registerIndex), records::EntryKind::MediumRegistered);
    records::MoveDetails inUse;
    inUse.to = records::MediaState::InUse;
    const Outcome moved = perform(MoveMediumOperation(*store, sato, {"PC-0001", inUse}));
    EXPECT_EQ(kindOf(moved.registerIndex), records::EntryKind::MediumMoved);
    records::MediumUpdate higher;
    higher.infoClass = 2;
    higher.reason = "holds resident records now";
    const Outcome updated = perform(UpdateMediumOperation(*store, tanaka, {"PC-0001", higher}));
    EXPECT_EQ(kindOf(updated.registerIndex), records::EntryKind::MediumUpdated);
    EXPECT_EQ(
        records::MediaLedger(store->database(), store->signedRegister()).find("PC-0001")->infoClass,
        2);
}

TEST_F(MediaOperationsTest, RefusalsComeBeforeAnythingIsWritten) {
    perform(AddMediumOperation(*store, sato, {medium, std::nullopt}));
    const uint64_t before = store->signedRegister().size();
    // An auditor reads the ledger and keeps none of it.
    records::NewMedium other = medium;
    other.tag = "PC-0002";
    other.serial = "WD-5678";
    EXPECT_EQ(refusal(AddMediumOperation(*store, auditor, {other, std::nullopt})),
              base::ErrorCategory::Refused);
    // The named data manager must hold the role; a typo is bad input.
    EXPECT_EQ(refusal(AddMediumOperation(*store, sato, {other, "suzuki"})),
              base::ErrorCategory::Refused);
    EXPECT_EQ(refusal(AddMediumOperation(*store, sato, {other, "tanakaa"})),
              base::ErrorCategory::BadInput);
    // Classifying information is the data manager's decision (Art. 7).
    records::MediumUpdate higher;
    higher.infoClass = 2;
    higher.reason = "holds resident records now";
    EXPECT_EQ(refusal(UpdateMediumOperation(*store, sato, {"PC-0001", higher})),
              base::ErrorCategory::Refused);
    // Disposal is the data manager's decision (Art. 8(4)).
    EXPECT_EQ(refusal(CloseMediumOperation(*store, sato, {"PC-0001", Closing::Dispose})),
              base::ErrorCategory::Refused);
    EXPECT_EQ(store->signedRegister().size(), before);
}

TEST_F(MediaOperationsTest, ADestructionNeedsASecondPersonWhoConfirms) {
    perform(AddMediumOperation(*store, sato, {medium, std::nullopt}));
    DestroyMediumInput input;
    input.tag = "PC-0001";
    input.destruction.method = "shred";
    input.destruction.witness = "sato";
    input.dataDir = dir / "data";
    bool asked = false;
    input.witnessPassword = [&] {
        asked = true;
        return records::Secret(kPassword);
    };
    const uint64_t before = store->signedRegister().size();
    EXPECT_EQ(refusal(DestroyMediumOperation(*store, sato, input)), base::ErrorCategory::Refused);
    EXPECT_FALSE(asked) << "the witness was asked although the destroyer named themselves";
    EXPECT_EQ(store->signedRegister().size(), before);

    input.destruction.witness = "suzuki";
    const Outcome destroyed = perform(DestroyMediumOperation(*store, sato, input));
    EXPECT_TRUE(asked);
    const auto entry =
        records::parseEntry(store->signedRegister().entry(destroyed.registerIndex.value()));
    EXPECT_EQ(records::entryString(entry, "kind"), records::EntryKind::MediumDestroyed);
    EXPECT_EQ(records::entryString(entry, "witness"), "suzuki");
}

// A witness who has just logged in beside the destroyer (masshod: their own session on the
// same kiosk) is not asked for a password again, but is still another person, and enabled.
TEST_F(MediaOperationsTest, AWitnessWhoLoggedInIsStillASecondPersonAndEnabled) {
    perform(AddMediumOperation(*store, sato, {medium, std::nullopt}));
    DestroyMediumInput input;
    input.tag = "PC-0001";
    input.destruction.method = "crush";
    input.destruction.witness = "sato";
    input.dataDir = dir / "data";
    input.witnessLoggedIn = true;
    input.witnessPassword = [] {
        ADD_FAILURE() << "a witness who logged in was asked for a password again";
        return records::Secret(kPassword);
    };
    store->users().disable("suzuki", "admin");
    const uint64_t before = store->signedRegister().size();
    EXPECT_EQ(refusal(DestroyMediumOperation(*store, sato, input)), base::ErrorCategory::Refused);
    input.destruction.witness = "suzuki";  // disabled since logging in
    EXPECT_EQ(refusal(DestroyMediumOperation(*store, sato, input)), base::ErrorCategory::Refused);
    EXPECT_EQ(store->signedRegister().size(), before);

    input.destruction.witness = "tanaka";
    const Outcome destroyed = perform(DestroyMediumOperation(*store, sato, input));
    const auto entry =
        records::parseEntry(store->signedRegister().entry(destroyed.registerIndex.value()));
    EXPECT_EQ(records::entryString(entry, "kind"), records::EntryKind::MediumDestroyed);
    EXPECT_EQ(records::entryString(entry, "witness"), "tanaka");
}

}  // namespace
}  // namespace massho::operations
