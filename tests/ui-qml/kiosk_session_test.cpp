// The real massho-kiosk, not a test harness: under cage with its headless backend, as an
// unprivileged user, against masshod running as root on a private bus that admits that user (the
// shipped policy with massho-kiosk replaced by `daemon`, service_fixture.h). A script presses the
// kiosk's accessible controls over AT-SPI (kiosk_session.sh, kiosk_session_login.py): it logs in
// on the keypad, sees the attached loop device's card, presses its Erase, walks the erase wizard
// (reuse of class 4: no approval needed) and sees the erasure's job named with its state.
// Label kiosk-session: needs root, cage and python3-pyatspi (skips without them).
#include <gtest/gtest.h>

#include <QProcess>
#include <QStringList>
#include <filesystem>
#include <string>

#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"
#include "service_fixture.h"

namespace {

using massho::service::test::kPassword;
using massho::service::test::ServiceFixture;

// The user the test bus's policy admits in place of massho-kiosk (service_fixture.cpp).
const char* const kKioskUser = "daemon";

bool sessionToolsPresent() {
    QProcess probe;
    probe.start("/usr/bin/python3", {"-c", "import pyatspi"});
    return std::filesystem::exists("/usr/bin/cage") && probe.waitForFinished(30000) &&
           probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
}

TEST(KioskSession, anOperatorLogsInOverAtSpiUnderCageAndStartsAnErasureThroughTheWizard) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    // Packages the project installs (appliance/tools/install-deps): missing, the run fails; only
    // absent hardware may skip.
    ASSERT_TRUE(sessionToolsPresent())
        << "cage or python3-pyatspi is missing: run appliance/tools/install-deps";
    massho::testsupport::TempDir tmp;
    ServiceFixture service;
    service.startService();
    massho::testsupport::LoopDevice medium(tmp / "medium.img", 16 * 1024 * 1024);

    QProcess session;
    session.setProcessChannelMode(QProcess::MergedChannels);
    session.start(
        KIOSK_SESSION_SCRIPT,
        {MASSHO_KIOSK, kKioskUser, service.busAddress(), "op1", QString::fromStdString(kPassword),
         QString::fromStdString(medium.path()), QString::fromStdString((tmp / "out").string())});
    ASSERT_TRUE(session.waitForStarted());
    const bool ended = session.waitForFinished(180000);
    const std::string output = session.readAll().toStdString();
    if (!ended) session.kill();
    ASSERT_TRUE(ended) << "the session did not end within 3 minutes:\n" << output;
    EXPECT_EQ(session.exitCode(), 0) << output << "\nmasshod:\n" << service.serviceOutput();
    EXPECT_NE(output.find("logged in: Signed in as op1"), std::string::npos) << output;
    EXPECT_NE(output.find("card of " + medium.path() + " found and its Erase pressed"),
              std::string::npos)
        << output;
    // The wizard's job view names the medium with its state: the erasure started (or ended).
    EXPECT_NE(output.find("erasure started: " + medium.path() + "  "), std::string::npos) << output;
    EXPECT_NE(output.find(std::string("massho-kiosk ran as: ") + kKioskUser), std::string::npos)
        << output;
}

}  // namespace
