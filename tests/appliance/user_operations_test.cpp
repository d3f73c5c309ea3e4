// Account acts as operations, on a real data directory: administrators manage accounts, and
// everyone may change their own password but nobody else's.
#include <gtest/gtest.h>

#include "massho/operations/add_user_operation.h"
#include "massho/operations/change_password_operation.h"
#include "massho/operations/rotate_key_operation.h"
#include "massho/operations/set_user_enabled_operation.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/testsupport/temp_dir.h"
#include "operation_test_base.h"

namespace massho::operations {
namespace {

using records::Role;

const std::string kPassword = "Correct-Horse-42";
const std::string kNewPassword = "Battery-Staple-77";

class UserOperationsTest : public OperationTestBase {
  protected:
    void SetUp() override {
        store.emplace(records::Store::create(dir / "data", "test.example/users", "admin", "Admin",
                                             kPassword));
        admin = store->users().get("admin");
        sato = store->users().add({"sato", "", {Role::Operator}, {}}, kPassword, "admin");
    }
    std::string lastKind() {
        return records::entryString(
            records::parseEntry(store->signedRegister().entry(store->signedRegister().size() - 1)),
            "kind");
    }

    testsupport::TempDir dir;
    std::optional<records::Store> store;
    records::User admin, sato;
};

TEST_F(UserOperationsTest, AnAdministratorAddsAndDisablesAnAccount) {
    const Outcome added = perform(AddUserOperation(
        *store, admin, {{"tanaka", "", {Role::DataManager}, {}}, records::Secret(kPassword)}));
    EXPECT_EQ(added.registerIndex, store->signedRegister().size() - 1);
    EXPECT_EQ(lastKind(), records::EntryKind::UserCreated);
    EXPECT_TRUE(store->users().get("tanaka").hasRole(Role::DataManager));

    perform(SetUserEnabledOperation(*store, admin, {"tanaka", false}));
    EXPECT_EQ(lastKind(), records::EntryKind::UserDisabled);
    EXPECT_TRUE(store->users().get("tanaka").disabled);
}

TEST_F(UserOperationsTest, OwnPasswordYesSomeoneElsesOnlyAsAnAdministrator) {
    perform(ChangePasswordOperation(*store, sato, {"sato", records::Secret(kNewPassword)}));
    EXPECT_EQ(lastKind(), records::EntryKind::UserPasswordChanged);
    EXPECT_NO_THROW(store->users().authenticate("sato", kNewPassword));

    const uint64_t before = store->signedRegister().size();
    EXPECT_EQ(
        refusal(ChangePasswordOperation(*store, sato, {"admin", records::Secret(kNewPassword)})),
        base::ErrorCategory::Refused);
    EXPECT_EQ(refusal(AddUserOperation(
                  *store, sato, {{"mallory", "", {Role::Admin}, {}}, records::Secret(kPassword)})),
              base::ErrorCategory::Refused);
    EXPECT_EQ(refusal(SetUserEnabledOperation(*store, sato, {"admin", false})),
              base::ErrorCategory::Refused);
    EXPECT_EQ(store->signedRegister().size(), before);
}

// The signing key is an administrator's too: rotated, the register names the new key.
TEST_F(UserOperationsTest, OnlyAnAdministratorRotatesTheSigningKey) {
    const std::string oldVkey = store->vkey();
    const uint64_t before = store->signedRegister().size();
    EXPECT_EQ(refusal(RotateKeyOperation(*store, sato)), base::ErrorCategory::Refused);
    EXPECT_EQ(store->signedRegister().size(), before);

    RotateKeyOperation rotate(*store, admin);
    rotate.check();
    const Outcome rotated = rotate.run(progress, cancel);
    EXPECT_EQ(rotated.registerIndex, before);
    EXPECT_EQ(lastKind(), records::EntryKind::KeyRotated);
    EXPECT_NE(rotate.vkey(), oldVkey);
}

}  // namespace
}  // namespace massho::operations
