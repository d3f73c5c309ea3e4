#include "massho/records/people/users.h"

#include <gtest/gtest.h>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/signing_key.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

using namespace massho::records;
using namespace std::chrono_literals;
using massho::records::test::fixedClock;
using massho::records::test::readFile;
using massho::records::test::testTime;
using massho::testsupport::TempDir;

namespace {

const std::string kAdminPassword = "admin-secret-pass-1";
const std::string kUserPassword = "Operator-Pass-Phrase-42";

class UsersTest : public ::testing::Test {
  protected:
    UsersTest()
        : db(dir / "massho.db", Database::Mode::Create), log(db), users(db, log, fixedClock()) {
        log.setSigner("test.example/log", [this]() -> const SigningKey& { return key; });
        users.addInitialAdmin({"admin", "管理者", {Role::Admin}, std::nullopt}, kAdminPassword);
    }

    EntryFields lastEntry() { return parseEntry(log.entry(log.size() - 1)); }

    void expectAuthError(const std::string& id, const std::string& password, TimePoint now,
                         const std::string& message) {
        try {
            users.authenticate(id, password, now);
            ADD_FAILURE() << "authenticated " << id;
        } catch (const AuthError& e) {
            EXPECT_EQ(std::string(e.what()), message);
        }
    }

    TempDir dir;
    SigningKey key = SigningKey::generate("test.example/log");
    Database db;
    Register log;
    Users users;
};

}  // namespace

TEST_F(UsersTest, AddRecordsUserCreatedInTheRegister) {
    User u = users.add({"sato.k", "佐藤", {Role::Operator, Role::Auditor}, "2026-03-31"},
                       kUserPassword, "admin");
    EXPECT_EQ(u.name, "佐藤");
    EXPECT_TRUE(u.hasRole(Role::Operator));
    EXPECT_EQ(u.expires, "2026-03-31");
    EntryFields e = lastEntry();
    EXPECT_EQ(entryString(e, "kind"), "user-created");
    EXPECT_EQ(entryString(e, "id"), "sato.k");
    EXPECT_EQ(entryString(e, "roles"), "auditor,operator");
    EXPECT_EQ(entryString(e, "expires"), "2026-03-31");
    EXPECT_EQ(entryString(e, "by"), "admin");
    EXPECT_EQ(entryString(parseEntry(log.entry(0)), "by"), "init");
}

TEST_F(UsersTest, AddRefusesBadInputWithoutWritingAnything) {
    uint64_t before = log.size();
    EXPECT_THROW(users.add({"Bad ID", "", {Role::Operator}, {}}, kUserPassword, "admin"),
                 UserError);
    EXPECT_THROW(users.add({"ok", "", {}, {}}, kUserPassword, "admin"), UserError);
    EXPECT_THROW(users.add({"ok", "", {Role::Operator}, "2026-02-30"}, kUserPassword, "admin"),
                 UserError);
    EXPECT_THROW(users.add({"admin", "", {Role::Operator}, {}}, kUserPassword, "admin"), UserError);
    try {
        users.add({"ok", "", {Role::Operator}, {}}, "short", "admin");
        FAIL();
    } catch (const UserError& e) {
        EXPECT_STREQ(e.what(), "password is shorter than 12 characters: choose a longer one");
    }
    users.add({"op", "", {Role::Operator}, {}}, kUserPassword, "admin");
    EXPECT_THROW(users.add({"ok", "", {Role::Operator}, {}}, kUserPassword, "op"), UserError);
    EXPECT_EQ(log.size(), before + 1);
    EXPECT_EQ(users.count(), 2u);
}

TEST_F(UsersTest, AddRefusesAnExpiryDateInThePast) {
    const uint64_t before = log.size();
    try {
        users.add({"temp", "", {Role::Operator}, "2025-11-24"}, kUserPassword, "admin");
        FAIL() << "an account that expired yesterday was added";
    } catch (const UserError& e) {
        EXPECT_STREQ(e.what(),
                     "expiry date 2025-11-24 is in the past: give today (2025-11-25) or a later "
                     "day as the last valid day");
    }
    EXPECT_THROW(users.add({"temp", "", {Role::Operator}, "2020-01-01"}, kUserPassword, "admin"),
                 UserError);
    EXPECT_EQ(log.size(), before);
    EXPECT_FALSE(users.find("temp"));
    // Today is the last valid day: still a day to work.
    EXPECT_EQ(
        users.add({"temp", "", {Role::Operator}, "2025-11-25"}, kUserPassword, "admin").expires,
        "2025-11-25");
}

TEST_F(UsersTest, AuthenticateOkUpdatesLastLogin) {
    users.add({"op", "", {Role::Operator}, {}}, kUserPassword, "admin");
    uint64_t before = log.size();
    User u = users.authenticate("op", kUserPassword, testTime(60s));
    EXPECT_EQ(u.id, "op");
    EXPECT_EQ(u.lastLogin, "2025-11-25T18:21:00Z");
    EXPECT_EQ(log.size(), before);
}

TEST_F(UsersTest, WrongPasswordAndUnknownIdGiveTheSameMessageAndAreRecorded) {
    users.add({"op", "", {Role::Operator}, {}}, kUserPassword, "admin");
    expectAuthError("op", "wrong-password-here", testTime(), "wrong user ID or password");
    EntryFields e = lastEntry();
    EXPECT_EQ(entryString(e, "kind"), "login-failed");
    EXPECT_EQ(entryString(e, "id"), "op");
    EXPECT_EQ(entryString(e, "reason"), "wrong-password");
    expectAuthError("nobody", kUserPassword, testTime(), "wrong user ID or password");
    EXPECT_EQ(entryString(lastEntry(), "id"), "nobody");
    EXPECT_EQ(entryString(lastEntry(), "reason"), "unknown-user");
    EXPECT_EQ(users.get("op").failedCount, 1);
}

TEST_F(UsersTest, PasswordTypedAsIdIsNotRecorded) {
    expectAuthError("My Secret Pass!", "x", testTime(), "wrong user ID or password");
    EXPECT_EQ(entryString(lastEntry(), "id"), "");
    EXPECT_EQ(entryString(lastEntry(), "reason"), "invalid-id");
}

TEST_F(UsersTest, DisabledAndExpiredAccountsAreRefused) {
    users.add({"temp", "", {Role::Operator}, "2025-11-30"}, kUserPassword, "admin");
    users.add({"gone", "", {Role::Operator}, {}}, kUserPassword, "admin");
    users.disable("gone", "admin");
    EXPECT_EQ(entryString(lastEntry(), "kind"), "user-disabled");
    expectAuthError("gone", kUserPassword, testTime(), "account disabled");
    EXPECT_EQ(entryString(lastEntry(), "reason"), "disabled");
    EXPECT_NO_THROW(users.authenticate("temp", kUserPassword, testTime(5 * 24h)));  // on 11-30
    expectAuthError("temp", kUserPassword, testTime(6 * 24h), "account expired on 2025-11-30");
    EXPECT_EQ(entryString(lastEntry(), "reason"), "expired");
    users.enable("gone", "admin");
    EXPECT_NO_THROW(users.authenticate("gone", kUserPassword, testTime()));
}

TEST_F(UsersTest, RepeatedFailuresLockTheAccount) {
    users.add({"op", "", {Role::Operator}, {}}, kUserPassword, "admin");
    for (int i = 0; i < users.policy().maxFailedLogins; ++i)
        expectAuthError("op", "not-the-password", testTime(), "wrong user ID or password");
    EXPECT_EQ(entryString(lastEntry(), "kind"), "user-locked");
    expectAuthError("op", kUserPassword, testTime(60s),
                    "account locked until 2025-11-25T18:35:00Z: wait or ask an administrator");
    EXPECT_NO_THROW(users.authenticate("op", kUserPassword, testTime(16min)));
}

TEST_F(UsersTest, ChangePasswordAndLastAdminGuard) {
    users.add({"op", "", {Role::Operator}, {}}, kUserPassword, "admin");
    users.changePassword("op", "A-New-Long-Password", "op");
    EXPECT_EQ(entryString(lastEntry(), "kind"), "user-password-changed");
    expectAuthError("op", kUserPassword, testTime(), "wrong user ID or password");
    EXPECT_NO_THROW(users.authenticate("op", "A-New-Long-Password", testTime()));
    EXPECT_THROW(users.changePassword("admin", "Another-Long-Password", "op"), UserError);
    EXPECT_THROW(users.disable("admin", "admin"), RefusedError);
}

TEST_F(UsersTest, PasswordsNeverReachTheDatabaseFileOrEntries) {
    users.add({"op", "", {Role::Operator}, {}}, kUserPassword, "admin");
    expectAuthError("op", "Wrong-But-Long-Password", testTime(), "wrong user ID or password");
    expectAuthError("nobody", "Unknown-User-Password", testTime(), "wrong user ID or password");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::string bytes =
        readFile((dir / "massho.db").string()) + readFile((dir / "massho.db-wal").string());
    for (const std::string& secret :
         {kAdminPassword, kUserPassword, std::string("Wrong-But-Long-Password"),
          std::string("Unknown-User-Password")}) {
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
        log.forEach([&](uint64_t, const std::string& entry) {
            EXPECT_EQ(entry.find(secret), std::string::npos) << entry;
        });
    }
}

TEST(Roles, ParseAndPrint) {
    EXPECT_EQ(parseRole("records-officer"), Role::RecordsOfficer);
    EXPECT_FALSE(parseRole("root"));
    EXPECT_THROW(parseRoleOrThrow("root"), UserError);
    EXPECT_EQ(joinRoles({Role::Operator, Role::Admin, Role::Chief}), "admin,chief,operator");
    EXPECT_EQ(splitRoles("admin,chief,operator"),
              (RoleSet{Role::Admin, Role::Chief, Role::Operator}));
    EXPECT_TRUE(isValidUserId("a"));
    EXPECT_TRUE(isValidUserId("sato.k-2_x"));
    EXPECT_FALSE(isValidUserId(".a"));
    EXPECT_FALSE(isValidUserId("A"));
    EXPECT_FALSE(isValidUserId(std::string(33, 'a')));
}
