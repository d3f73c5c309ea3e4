// Sessions for the daemon/kiosk: idle expiry, maximum age, accounts disabled meanwhile.
#include "massho/records/people/sessions.h"

#include <gtest/gtest.h>

#include "people_fixture.h"

using namespace std::chrono_literals;

namespace massho::records::test {
namespace {

class SessionsTest : public PeopleTest {
  protected:
    Sessions sessions{users, [this] { return now; }, std::chrono::minutes(10),
                      std::chrono::hours(12)};
};

TEST_F(SessionsTest, IdleSessionsEnd) {
    std::string token = sessions.open("op", kPassword);
    EXPECT_EQ(token.size(), 64u);
    now += 9min;
    ASSERT_TRUE(sessions.use(token));
    EXPECT_EQ(sessions.use(token)->id, "op");
    now += 9min;  // 9 minutes after the last use: still open
    EXPECT_TRUE(sessions.use(token));
    now += 10min;
    EXPECT_FALSE(sessions.use(token));
    now -= 5min;
    EXPECT_FALSE(sessions.use(token)) << "an ended session stays ended";
}

TEST_F(SessionsTest, MaximumAgeEndsEvenABusySession) {
    const TimePoint opened = now;
    std::string token = sessions.open("op", kPassword);
    // Used every 9 minutes, so never idle, up to one second before the 12-hour maximum age.
    while (now + 9min < opened + 12h - 1s) {
        now += 9min;
        ASSERT_TRUE(sessions.use(token));
    }
    now = opened + 12h - 1s;
    ASSERT_TRUE(sessions.use(token)) << "one second before the maximum age";
    // One second after the last use, well within the idle limit: only the maximum age ends it.
    now += 1s;
    EXPECT_FALSE(sessions.use(token));
}

TEST_F(SessionsTest, DisabledAccountLosesItsSessionAndWrongPasswordGetsNone) {
    std::string token = sessions.open("op", kPassword);
    std::string other = sessions.open("dm", kPassword);
    users.disable("op", "admin");
    EXPECT_FALSE(sessions.use(token));
    EXPECT_TRUE(sessions.use(other));
    sessions.close(other);
    EXPECT_FALSE(sessions.use(other));
    EXPECT_FALSE(sessions.use("not-a-token"));
    EXPECT_THROW(sessions.open("dm", "Wrong-Password-9"), AuthError);
    EXPECT_EQ(sessions.sweep(), 0u);
}

}  // namespace
}  // namespace massho::records::test
