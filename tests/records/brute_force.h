#pragma once

// A brute-force run against one account: `attempts` wrong passwords, one per second.
#include "people_fixture.h"

namespace massho::records::test {

// How many entries of `kind` about `id` (and with `reason`, when given) the register holds.
inline size_t countEntries(Register& log, const std::string& kind, const std::string& id,
                           const std::string& reason = "") {
    size_t n = 0;
    log.forEach([&](uint64_t, const std::string& bytes) {
        EntryFields e = parseEntry(bytes);
        if (entryString(e, "kind") == kind && entryString(e, "id") == id &&
            (reason.empty() || entryString(e, "reason") == reason))
            ++n;
    });
    return n;
}

// Never authenticated; locked `expectedLocks` times (5 failures, then 900 s refused while
// locked); scrypt ran only for the attempts that were not refused as locked; all recorded.
class BruteForceTest : public PeopleTest {
  protected:
    void run(int attempts, size_t expectedLocks) {
        int authenticated = 0;
        for (int i = 0; i < attempts; ++i) {
            now = testTime(std::chrono::seconds(i));
            try {
                users.authenticate("op", "Wrong-Guess-" + std::to_string(i), now);
                ++authenticated;
            } catch (const AuthError&) {
            }
        }
        EXPECT_EQ(authenticated, 0);
        const size_t locks = countEntries(log, "user-locked", "op");
        const size_t checked = countEntries(log, "login-failed", "op", "wrong-password");
        const size_t refusedLocked = countEntries(log, "login-failed", "op", "locked");
        EXPECT_EQ(locks, expectedLocks);
        EXPECT_EQ(checked, locks * 5);
        EXPECT_EQ(checked + refusedLocked, static_cast<size_t>(attempts))
            << "every attempt is recorded";
        EXPECT_EQ(kdfCalls.size(), checked) << "scrypt runs only when the ID was not locked";
        EXPECT_NE(authFailure("op", kPassword).find("account locked until"), std::string::npos)
            << "right after the run the account is locked, even for the right password";
    }
};

}  // namespace massho::records::test
