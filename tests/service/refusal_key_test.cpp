// A refusal's reason key is named where it is thrown (massho/base/reason.h), not read back from
// its English line: a reworded line keeps its key (appliance/service/refusal_reason.h).
#include <gtest/gtest.h>

#include <exception>

#include "dbus_error.h"
#include "massho/base/reason.h"
#include "massho/operations/operation_error.h"
#include "massho/records/people/password_rules.h"
#include "massho/records/people/store.h"
#include "massho/records/register/errors.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::service {
namespace {

TEST(RefusalKey, TheServiceSendsTheKeyTheErrorNamesWhateverItsLine) {
    const DbusError error = dbusErrorFor(std::make_exception_ptr(base::withReason(
        operations::OperationError(base::ErrorCategory::Refused, "a line no pattern knows"),
        "approval.self", {"both", "REQ-000001", "approve"})));
    EXPECT_EQ(error.name.toStdString(), dbus_error::kRefused);
    EXPECT_EQ(error.message.toStdString(), "a line no pattern knows");
    EXPECT_EQ(error.reason.toStdString(), "approval.self");
    EXPECT_EQ(error.reasonArgs, (QStringList{"both", "REQ-000001", "approve"}));
}

TEST(RefusalKey, AnErrorWithoutAKeyIsStillReadByItsLine) {
    const DbusError error = dbusErrorFor(std::make_exception_ptr(
        operations::OperationError(base::ErrorCategory::Refused, "wrong user ID or password")));
    EXPECT_EQ(error.reason.toStdString(), "login.wrong");
    const DbusError unknown = dbusErrorFor(std::make_exception_ptr(
        operations::OperationError(base::ErrorCategory::Failed, "the disk caught fire")));
    EXPECT_EQ(unknown.reason.toStdString(), "");
}

// What the records throw, as the service gets it: keyed at the throw.
template <typename Act>
std::optional<base::Reason> reasonThrownBy(Act&& act) {
    try {
        act();
    } catch (const std::exception& e) {
        if (const base::Reason* reason = base::reasonOf(e)) return *reason;
        ADD_FAILURE() << "thrown without a reason: " << e.what();
        return std::nullopt;
    }
    ADD_FAILURE() << "nothing was thrown";
    return std::nullopt;
}

TEST(RefusalKey, TheRecordsNameTheirRefusalsWhereTheyThrow) {
    testsupport::TempDir tmp;
    records::Store store = records::Store::create(tmp / "data", "test.example/keys", "admin",
                                                  "Admin", "Correct-Horse-42");
    auto& users = store.users();
    const auto wrong = reasonThrownBy([&] { users.authenticate("admin", "Wrong-Horse-42"); });
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->key, "login.wrong");

    const auto exists = reasonThrownBy([&] {
        users.add({"admin", "", {records::Role::Operator}, {}}, "Correct-Horse-42", "admin");
    });
    ASSERT_TRUE(exists);
    EXPECT_EQ(exists->key, "user.exists");
    EXPECT_EQ(exists->args, std::vector<std::string>{"admin"});

    const auto shortPassword = reasonThrownBy(
        [&] { records::checkPasswordStrength("Ab1!", "sato", records::PasswordRules{}); });
    ASSERT_TRUE(shortPassword);
    EXPECT_EQ(shortPassword->key, "password.short");
    EXPECT_EQ(shortPassword->args,
              std::vector<std::string>{std::to_string(records::PasswordRules{}.minLength)});

    const auto lastAdmin = reasonThrownBy([&] { users.disable("admin", "admin"); });
    ASSERT_TRUE(lastAdmin);
    EXPECT_EQ(lastAdmin->key, "user.last-admin");
}

}  // namespace
}  // namespace massho::service
