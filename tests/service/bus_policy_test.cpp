// The D-Bus policy masshod ships (appliance/system/org.massho.Appliance1.conf), on a private bus
// configured like Debian's system bus (system-bus.conf.in): only root owns org.massho.Appliance1;
// root and the kiosk's user call it, on its own interfaces only; anyone else is refused by the bus
// and never sees its signals. masshod itself is played by bus_policy_peer, which answers every
// call with the method's name, so a reply proves the call arrived.
//
// The kiosk's user (massho-kiosk) does not exist here: the test's copy of the policy gives its
// rules to `daemon` (uid 1 on Debian), and `nobody` is the stranger. Clients run as those users
// through setpriv, so the test needs root and skips itself otherwise.
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "background_process.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/files.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::testing {
namespace {

namespace fs = std::filesystem;
using testsupport::CommandResult;
using testsupport::runCommand;

const std::string kName = "org.massho.Appliance1";
const std::string kPath = "/org/massho/Appliance1";
const std::string kKioskUser = "massho-kiosk";
const std::string kKioskStandIn = "daemon";
const std::string kStranger = "nobody";

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Replaces every `from` in `text`; returns how many there were.
int replaceAll(std::string& text, const std::string& from, const std::string& to) {
    int count = 0;
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
        ++count;
    }
    return count;
}

// Polls until `ready` holds; a bound on waiting for a process to come up, not a timing test.
template <typename Predicate>
bool eventually(Predicate ready) {
    for (int i = 0; i < 250; ++i) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

class BusPolicyTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (::geteuid() != 0)
            GTEST_SKIP() << "needs root: the clients run as other users (setpriv)";
        ASSERT_TRUE(account(kKioskStandIn)) << "no user " << kKioskStandIn;
        ASSERT_TRUE(account(kStranger)) << "no user " << kStranger;
        // The other users must reach the socket in the scratch folder.
        fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_exec |
                                         fs::perms::group_read | fs::perms::others_exec |
                                         fs::perms::others_read);
        ASSERT_EQ(runCommand(as(kStranger, {"test", "-x", dir_.path().string()})).exitCode, 0)
            << "user " << kStranger << " cannot reach " << dir_.path()
            << ": build in a folder every user may enter";
        writeBusConfig();
        if (HasFatalFailure()) return;
        startBus();
    }

    // The shipped policy with the kiosk's rules given to the stand-in user, and nothing else
    // changed; the activation file beside it; the bus configuration naming both.
    void writeBusConfig() {
        std::string policy = readText(MASSHO_SYSTEM_DIR "/org.massho.Appliance1.conf");
        ASSERT_EQ(
            replaceAll(policy, "user=\"" + kKioskUser + "\"", "user=\"" + kKioskStandIn + "\""), 1)
            << "the shipped policy should have exactly one policy for " << kKioskUser;
        testsupport::writeFile(dir_ / "policy.conf", policy);
        testsupport::writeFile(dir_ / "services" / "org.massho.Appliance1.service",
                               readText(MASSHO_SYSTEM_DIR "/org.massho.Appliance1.service"));
        std::string config = readText(MASSHO_TEST_SOURCE_DIR "/system-bus.conf.in");
        ASSERT_EQ(replaceAll(config, "@MASSHO_BUS_SOCKET@", (dir_ / "bus").string()), 1);
        ASSERT_EQ(replaceAll(config, "@MASSHO_POLICY@", (dir_ / "policy.conf").string()), 1);
        ASSERT_EQ(replaceAll(config, "@MASSHO_SERVICE_DIR@", (dir_ / "services").string()), 1);
        testsupport::writeFile(dir_ / "system-bus.conf", config);
    }

    void startBus() {
        bus_ = std::make_unique<BackgroundProcess>(
            std::vector<std::string>{"dbus-daemon",
                                     "--config-file=" + (dir_ / "system-bus.conf").string(),
                                     "--nofork", "--nopidfile"},
            dir_ / "bus.out", dir_ / "bus.err");
        ASSERT_TRUE(bus_->started()) << "cannot start dbus-daemon";
        ASSERT_TRUE(eventually([&] { return askBus("GetId").exitCode == 0; }))
            << "the test bus did not come up: " << readText(dir_ / "bus.err");
    }

    void startService() {
        service_ = std::make_unique<BackgroundProcess>(as("root", {MASSHO_BUS_POLICY_PEER, "own"}),
                                                       dir_ / "service.out", dir_ / "service.err");
        ASSERT_TRUE(eventually([&] {
            return askBus("NameHasOwner", "string:" + kName).out.find("true") != std::string::npos;
        })) << "the stand-in service did not take the name: "
            << readText(dir_ / "service.err");
    }

    // argv run as `user` (root: as ourselves) with the test bus as the system bus.
    // The user's uid and gid. getpwnam_r rather than getpwnam, whose one static buffer is not
    // thread-safe (cppcheck's getpwnamCalled).
    static std::optional<std::pair<uid_t, gid_t>> account(const std::string& user) {
        passwd pw{};
        passwd* found = nullptr;
        std::vector<char> buffer(16384);
        if (::getpwnam_r(user.c_str(), &pw, buffer.data(), buffer.size(), &found) != 0 || !found)
            return std::nullopt;
        return std::pair{pw.pw_uid, pw.pw_gid};
    }

    std::vector<std::string> as(const std::string& user, const std::vector<std::string>& argv) {
        std::vector<std::string> out;
        if (user != "root") {
            const auto ids = account(user);
            if (!ids) throw std::runtime_error("no user " + user);
            out = {"setpriv", "--reuid=" + std::to_string(ids->first),
                   "--regid=" + std::to_string(ids->second), "--clear-groups"};
        }
        out.insert(out.end(),
                   {"env", "DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + (dir_ / "bus").string()});
        out.insert(out.end(), argv.begin(), argv.end());
        return out;
    }

    CommandResult askBus(const std::string& method, const std::string& argument = {}) {
        std::vector<std::string> argv = {"dbus-send",
                                         "--system",
                                         "--print-reply",
                                         "--dest=org.freedesktop.DBus",
                                         "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus." + method};
        if (!argument.empty()) argv.push_back(argument);
        return runCommand(as("root", argv));
    }

    // `user` calls INTERFACE.MEMBER on the service's object.
    CommandResult call(const std::string& user, const std::string& method) {
        return runCommand(
            as(user, {"dbus-send", "--system", "--print-reply", "--dest=" + kName, kPath, method}));
    }

    testsupport::TempDir dir_;
    std::unique_ptr<BackgroundProcess> bus_;
    std::unique_ptr<BackgroundProcess> service_;
};

bool refusedByTheBus(const CommandResult& r) {
    return r.exitCode != 0 &&
           r.err.find("org.freedesktop.DBus.Error.AccessDenied") != std::string::npos;
}

TEST_F(BusPolicyTest, OnlyRootMayOwnTheName) {
    for (const std::string& user : {kKioskStandIn, kStranger}) {
        CommandResult r = runCommand(as(user, {MASSHO_BUS_POLICY_PEER, "own"}));
        EXPECT_EQ(r.exitCode, 3) << user << " took the name: " << r.err;
        EXPECT_NE(r.err.find("AccessDenied"), std::string::npos) << user << ": " << r.err;
    }
    ASSERT_NO_FATAL_FAILURE(startService());
}

TEST_F(BusPolicyTest, RootCallsTheService) {
    ASSERT_NO_FATAL_FAILURE(startService());
    CommandResult r = call("root", "org.massho.Appliance1.Manager.GetDevices");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("\"org.massho.Appliance1.Manager.GetDevices\""), std::string::npos)
        << r.out;
}

TEST_F(BusPolicyTest, TheKioskUserCallsEachOfTheServiceInterfaces) {
    ASSERT_NO_FATAL_FAILURE(startService());
    for (const std::string method :
         {"org.massho.Appliance1.Manager.GetDevices", "org.massho.Appliance1.Session.Logout",
          "org.massho.Appliance1.Job.Cancel", "org.massho.Appliance1.Records.Search",
          "org.massho.Appliance1.Ledger.GetMedium", "org.massho.Appliance1.Carry.GetRecipients",
          "org.massho.Appliance1.Admin.GetPolicy",
          "org.freedesktop.DBus.Properties.GetAll"}) {
        CommandResult r = call(kKioskStandIn, method);
        EXPECT_EQ(r.exitCode, 0) << method << ": " << r.err;
        EXPECT_NE(r.out.find("\"" + method + "\""), std::string::npos) << method << ": " << r.out;
    }
    // Answered by the D-Bus libraries themselves, not by the stand-in's handler.
    for (const std::string method :
         {"org.freedesktop.DBus.Introspectable.Introspect", "org.freedesktop.DBus.Peer.Ping"}) {
        CommandResult r = call(kKioskStandIn, method);
        EXPECT_EQ(r.exitCode, 0) << method << ": " << r.err;
    }
}

TEST_F(BusPolicyTest, TheKioskUserIsHeldToTheServiceInterfaces) {
    ASSERT_NO_FATAL_FAILURE(startService());
    for (const std::string method : {"org.massho.Appliance1.Debug.Dump",
                                     "org.freedesktop.DBus.ObjectManager.GetManagedObjects"}) {
        CommandResult r = call(kKioskStandIn, method);
        EXPECT_TRUE(refusedByTheBus(r)) << method << " went through: " << r.out << r.err;
    }
    // root the same: the policy names the interfaces for both.
    EXPECT_TRUE(refusedByTheBus(call("root", "org.massho.Appliance1.Debug.Dump")));
}

TEST_F(BusPolicyTest, AnyoneElseIsRefusedByTheBus) {
    ASSERT_NO_FATAL_FAILURE(startService());
    for (const std::string method :
         {"org.massho.Appliance1.Manager.GetDevices", "org.massho.Appliance1.Session.Logout",
          "org.massho.Appliance1.Job.Cancel", "org.massho.Appliance1.Records.Search",
          "org.massho.Appliance1.Ledger.GetMedium", "org.massho.Appliance1.Carry.GetRecipients",
          "org.massho.Appliance1.Admin.GetPolicy",
          "org.freedesktop.DBus.Properties.GetAll",
          "org.freedesktop.DBus.Introspectable.Introspect", "org.freedesktop.DBus.Peer.Ping"}) {
        CommandResult r = call(kStranger, method);
        EXPECT_TRUE(refusedByTheBus(r)) << method << " went through: " << r.out << r.err;
    }
}

TEST_F(BusPolicyTest, SignalsReachRootAndTheKioskUserOnly) {
    ASSERT_NO_FATAL_FAILURE(startService());
    std::vector<std::string> users = {"root", kKioskStandIn, kStranger};
    std::vector<std::unique_ptr<BackgroundProcess>> listeners;
    for (const std::string& user : users) {
        listeners.push_back(
            std::make_unique<BackgroundProcess>(as(user, {MASSHO_BUS_POLICY_PEER, "listen"}),
                                                dir_ / (user + ".out"), dir_ / (user + ".err")));
        ASSERT_TRUE(eventually([&] {
            return readText(dir_ / (user + ".out")).find("ready") != std::string::npos;
        })) << user
            << "'s listener did not subscribe: " << readText(dir_ / (user + ".err"));
    }
    // The stand-in signals Job.Completed before it answers: once root has the answer, every
    // listener allowed to see the signal has it.
    ASSERT_EQ(call("root", "org.massho.Appliance1.Job.Cancel").exitCode, 0);
    for (size_t i = 0; i < users.size(); ++i) {
        listeners[i]->closeInput();
        EXPECT_EQ(listeners[i]->wait(), 0) << readText(dir_ / (users[i] + ".err"));
    }
    const std::string signal = "signal org.massho.Appliance1.Job.Completed\nend\n";
    EXPECT_EQ(readText(dir_ / "root.out"), "ready\n" + signal);
    EXPECT_EQ(readText(dir_ / (kKioskStandIn + ".out")), "ready\n" + signal);
    EXPECT_EQ(readText(dir_ / (kStranger + ".out")), "ready\nend\n");
}

TEST_F(BusPolicyTest, TheActivationFileMakesTheNameActivatable) {
    CommandResult r = askBus("ListActivatableNames");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("\"" + kName + "\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace massho::testing
