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

// How many refusals of a locked `id` the register accounts for: each login-failed entry with
// reason "locked" says how many it stands for in `count`.
inline size_t lockedRefusalsRecorded(Register& log, const std::string& id) {
    size_t n = 0;
    log.forEach([&](uint64_t, const std::string& bytes) {
        EntryFields e = parseEntry(bytes);
        if (entryString(e, "kind") == "login-failed" && entryString(e, "id") == id &&
            entryString(e, "reason") == "locked")
            n += static_cast<size_t>(entryInteger(e, "count"));
    });
    return n;
}

// Never authenticated; locked `expectedLocks` times (5 failures, then 900 s refused while
// locked); scrypt ran only for the attempts that were not refused as locked; every attempt
// accounted for in the register, with at most 5 + 2 entries per lock period.
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
        EXPECT_NE(authFailure("op", kPassword).find("account locked until"), std::string::npos)
            << "right after the run the account is locked, even for the right password";
        // The last lock's refusals are summarised at the first authentication after it ends.
        now = testTime(std::chrono::seconds(attempts) + std::chrono::hours(1));
        users.authenticate("op2", kPassword, now);

        const size_t locks = countEntries(log, "user-locked", "op");
        const size_t checked = countEntries(log, "login-failed", "op", "wrong-password");
        const size_t summaries = countEntries(log, "login-failed", "op", "locked");
        EXPECT_EQ(locks, expectedLocks);
        EXPECT_EQ(checked, locks * 5);
        EXPECT_EQ(summaries, locks) << "one entry per lock period for the refusals while locked";
        EXPECT_EQ(checked + lockedRefusalsRecorded(log, "op"), static_cast<size_t>(attempts) + 1)
            << "every attempt is accounted for";
        EXPECT_EQ(kdfCalls.size(), checked + 1)
            << "scrypt runs only when the ID was not locked (and once for op2's login)";
    }
};

}  // namespace massho::records::test
