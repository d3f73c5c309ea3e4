// A session's methods called from inside masshod, not over D-Bus (session.h, Session::admit):
// there is no connection to compare with the one that logged in, so the call is taken as the
// owner's; the person is still read again at every call, as for a call over the bus.
#include <gtest/gtest.h>

#include <QDBusConnection>

#include "massho/base/reason.h"
#include "service.h"
#include "service_fixture.h"
#include "session.h"

namespace massho::service {
namespace {

class SessionInProcessTest : public ::testing::Test {
  protected:
    // The fixture's data directory; masshod is not started: the service runs in this process,
    // on a connection that is not connected (nothing reaches it over D-Bus).
    test::ServiceFixture fixture;
    Service service{QDBusConnection(QStringLiteral("massho-in-process")), fixture.dataDir()};

    // A session of `id`, owned by a connection that never calls; `closed` is set when it ends.
    Session& sessionOf(const std::string& id, bool& closed) {
        const QString path =
            service.openSession(service.store().users().get(id), QStringLiteral(":1.999"));
        Session* session = service.sessionAt(path);
        QObject::connect(session, &Session::closed, [&closed] { closed = true; });
        return *session;
    }
};

TEST_F(SessionInProcessTest, ACallNotFromDBusIsServedAsTheOwners) {
    bool closed = false;
    sessionOf("op1", closed).Logout();
    EXPECT_TRUE(closed);  // Logout ran: no owner check refused it
}

TEST_F(SessionInProcessTest, ACallNotFromDBusStillReadsThePersonAgain) {
    bool disabledClosed = false, otherClosed = false;
    Session& disabled = sessionOf("dm", disabledClosed);
    Session& other = sessionOf("op2", otherClosed);
    service.store().users().disable("dm", "admin");
    disabled.GetRequests();
    other.GetRequests();
    EXPECT_TRUE(disabledClosed);  // disabled since logging in: the session ends at the next call
    EXPECT_FALSE(otherClosed);
}

TEST_F(SessionInProcessTest, AnEndedSessionRefusesWithItsReasonKey) {
    bool closed = false;
    Session& session = sessionOf("op1", closed);
    session.Logout();
    ASSERT_TRUE(closed);
    try {
        session.admit(QStringLiteral(":1.999"));
        ADD_FAILURE() << "an ended session admitted a call";
    } catch (const std::exception& e) {
        const base::Reason* reason = base::reasonOf(e);
        ASSERT_NE(reason, nullptr) << e.what();
        EXPECT_EQ(reason->key, "session.closed");  // the kiosk says it in Japanese
    }
}

}  // namespace
}  // namespace massho::service
