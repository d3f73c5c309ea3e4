// Logins: brute force, equal work for known and unknown IDs, lockout, password age, dormant IDs.
#include <gtest/gtest.h>

#include "brute_force.h"
#include "massho/records/register/policy_errors.h"
#include "people_fixture.h"

using namespace massho::records;
using namespace std::chrono_literals;

namespace massho::records::test {
namespace {

using LoginTest = PeopleTest;

TEST_F(BruteForceTest, FourHundredWrongPasswordsNeverAuthenticateAndLockTheAccount) {
    // The 10,000-attempt run is records_bruteforce_tests (label long): same checks, more time.
    run(400, 1);
}

TEST_F(LoginTest, UnknownAndExistingIdsDoTheSameScryptWork) {
    authFailure("op", "Wrong-Password-1");
    const auto existing = kdfCalls;
    kdfCalls.clear();
    authFailure("nobody", "Wrong-Password-1");
    EXPECT_EQ(kdfCalls, existing);
    ASSERT_EQ(existing.size(), 1u);
    EXPECT_EQ(existing[0], (KdfCall{ScryptParams{}.logN, ScryptParams{}.r, ScryptParams{}.p}));

    // A disabled or expired account with a wrong password: same work, same message.
    users.disable("op2", "admin");
    kdfCalls.clear();
    EXPECT_EQ(authFailure("op2", "Wrong-Password-1"), "wrong user ID or password");
    EXPECT_EQ(kdfCalls, existing);
}

TEST_F(LoginTest, UnknownIdsLockExactlyLikeExistingOnes) {
    std::vector<std::string> known, unknown;
    for (int i = 0; i < 6; ++i) {
        known.push_back(authFailure("op", "Wrong-Password-1"));
        unknown.push_back(authFailure("ghost", "Wrong-Password-1"));
    }
    EXPECT_EQ(known, unknown);
    EXPECT_EQ(known.back(),
              "account locked until 2025-11-25T18:35:00Z: wait or ask an administrator");
    kdfCalls.clear();
    authFailure("op", "Wrong-Password-1");
    authFailure("ghost", "Wrong-Password-1");
    EXPECT_TRUE(kdfCalls.empty()) << "locked IDs are refused before scrypt, known or not";
    EXPECT_EQ(lastKind(), "user-locked") << "refusals while locked are counted, not appended";

    // Failures a day apart do not add up, for either.
    for (int i = 0; i < 4; ++i) {
        now = testTime(24h * (i + 2));
        EXPECT_EQ(authFailure("op2", "Wrong-Password-1"), "wrong user ID or password");
        EXPECT_EQ(authFailure("ghost2", "Wrong-Password-1"), "wrong user ID or password");
    }
    now = testTime(24h * 10);
    EXPECT_NO_THROW(users.authenticate("op2", kPassword, now));
}

TEST_F(LoginTest, RefusalsWhileLockedBecomeOneEntryWhenTheLockEnds) {
    for (int i = 0; i < 5; ++i) authFailure("op", "Wrong-Password-1");
    ASSERT_EQ(lastKind(), "user-locked");
    const uint64_t sizeWhenLocked = log.size();
    for (int i = 0; i < 1000; ++i) {
        now = testTime() + std::chrono::milliseconds(i);
        authFailure("op", i % 2 ? kPassword : "Wrong-Password-1");
    }
    EXPECT_EQ(log.size(), sizeWhenLocked) << "a thousand refusals while locked add no entry";

    // The lock (15 minutes) ends; the next authentication, of anyone, records the count.
    now = testTime(20min);
    users.authenticate("op2", kPassword, now);
    ASSERT_EQ(log.size(), sizeWhenLocked + 1);
    EntryFields summary = parseEntry(log.entry(sizeWhenLocked));
    EXPECT_EQ(entryString(summary, "kind"), "login-failed");
    EXPECT_EQ(entryString(summary, "id"), "op");
    EXPECT_EQ(entryString(summary, "reason"), "locked");
    EXPECT_EQ(entryInteger(summary, "count"), 1000);
    EXPECT_EQ(entryString(summary, "first"), "2025-11-25T18:20:00Z");
    EXPECT_EQ(entryString(summary, "last"), "2025-11-25T18:20:00Z");
    EXPECT_EQ(entryString(summary, "until"), "2025-11-25T18:35:00Z");
    EXPECT_EQ(entryString(summary, "time"), "2025-11-25T18:40:00Z");

    // Summarised once: later authentications add nothing more about that lock.
    users.authenticate("op2", kPassword, now);
    EXPECT_EQ(log.size(), sizeWhenLocked + 1);
    EXPECT_NO_THROW(users.authenticate("op", kPassword, now));
}

TEST_F(LoginTest, MalformedIdsLockAsOneIdSoTheyCannotGrowTheRegister) {
    const uint64_t before = log.size();
    for (int i = 0; i < 500; ++i)
        EXPECT_EQ(authFailure("Not An ID " + std::to_string(i), "x"), "wrong user ID or password");
    // Five recorded (without the text typed: it may be a password), one lock, nothing more.
    EXPECT_EQ(log.size(), before + 6);
    EXPECT_EQ(countEntries(log, "login-failed", "", "invalid-id"), 5u);
    EntryFields lock = lastEntry();
    EXPECT_EQ(entryString(lock, "kind"), "user-locked");
    EXPECT_EQ(entryString(lock, "account"), "malformed-ids");
    EXPECT_TRUE(kdfCalls.empty());
    // Real IDs are not affected by the malformed-ID lock.
    EXPECT_NO_THROW(users.authenticate("op", kPassword, now));
}

TEST_F(LoginTest, AccountStateIsRevealedOnlyToTheRightPassword) {
    users.add({"temp", "", {Role::Operator}, "2025-11-30"}, kPassword, "admin");
    users.disable("op2", "admin");
    EXPECT_EQ(authFailure("op2", "Wrong-Password-1"), "wrong user ID or password");
    EXPECT_EQ(authFailure("op2", kPassword), "account disabled");
    now = testTime(6 * 24h);
    EXPECT_EQ(authFailure("temp", "Wrong-Password-1"), "wrong user ID or password");
    EXPECT_EQ(authFailure("temp", kPassword), "account expired on 2025-11-30");
    EXPECT_EQ(entryString(lastEntry(), "reason"), "expired");
}

TEST_F(LoginTest, OldPasswordMustBeChangedFirst) {
    now = testTime(91 * 24h);
    try {
        users.authenticate("op", kPassword, now);
        FAIL() << "an old password was accepted for a login";
    } catch (const PasswordExpiredError& e) {
        EXPECT_NE(std::string(e.what()).find("massho user passwd op --as op"), std::string::npos);
    }
    EXPECT_EQ(entryString(lastEntry(), "reason"), "password-expired");
    // Accepted to change it, and then everything works again.
    EXPECT_NO_THROW(users.authenticate("op", kPassword, now, AuthPurpose::ChangePassword));
    users.changePassword("op", "A-Fresh-Password-7", "op");
    EXPECT_NO_THROW(users.authenticate("op", "A-Fresh-Password-7", now));
    EXPECT_THROW(users.changePassword("op", "A-Fresh-Password-7", "op"), UserError)
        << "the new password must differ from the current one";
}

TEST_F(LoginTest, DormantReportFollowsTheClock) {
    now = testTime(30 * 24h);
    users.authenticate("op", kPassword, now);
    users.disable("op2", "admin");
    now = testTime(100 * 24h);
    auto ids = [&](std::chrono::days days) {
        std::vector<std::string> out;
        for (const auto& u : users.dormant(days, now)) out.push_back(u.id);
        return out;
    };
    // Created on day 0, never used: admin, dm, both. op used on day 30. op2 disabled.
    EXPECT_EQ(ids(std::chrono::days(90)), (std::vector<std::string>{"admin", "both", "dm"}));
    EXPECT_EQ(ids(std::chrono::days(60)), (std::vector<std::string>{"admin", "both", "dm", "op"}));
    EXPECT_TRUE(ids(std::chrono::days(101)).empty());
}

}  // namespace
}  // namespace massho::records::test
