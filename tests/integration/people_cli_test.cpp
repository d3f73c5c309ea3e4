// People, approvals and separation of duties through the real `massho` binary (Art. 7-3, 8(4)).
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <fstream>

#include "cli_fixture.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::CommandResult;
using testsupport::LoopDevice;

constexpr const char* kManagerPassword = "manager-passphrase-1";
constexpr const char* kOtherPassword = "second-operator-pass-1";

class PeopleCliTest : public CliTest {
  protected:
    void SetUp() override {
        CliTest::SetUp();
        addUser("tanaka", {"data-manager"}, kManagerPassword);
        addUser("suzuki", {"operator", "data-manager"}, kOtherPassword);
        addUser("kato", {"auditor"}, kOtherPassword);
    }
    void addUser(const std::string& id, const std::vector<std::string>& roles,
                 const std::string& password) {
        std::vector<std::string> args{"user", "add", id};
        for (const auto& r : roles) args.insert(args.end(), {"--role", r});
        args.insert(args.end(), {"--as", "admin", "--password-stdin"});
        auto r = massho(args, std::string(kAdminPassword) + "\n" + password + "\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    CommandResult as(const std::string& id, const std::string& password,
                     std::vector<std::string> args, const std::string& more = "") {
        args.insert(args.end(), {"--as", id, "--password-stdin"});
        return massho(args, password + "\n" + more);
    }
    std::vector<std::string> fields(const std::string& purpose, const std::string& cls) {
        return {"--method", "zero", "--purpose", purpose, "--class", cls, "--asset", "A-77"};
    }
    std::string request(const std::string& device, const std::string& purpose = "disposal",
                        const std::string& cls = "1") {
        std::vector<std::string> args{"request", "erase", device};
        for (const auto& f : fields(purpose, cls)) args.push_back(f);
        auto r = as("sato", kOperatorPassword, args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.out.substr(0, r.out.find('\n'));
    }
    CommandResult erase(const std::string& device, const std::string& req,
                        const std::string& purpose = "disposal", const std::string& cls = "1") {
        std::vector<std::string> args{"erase", device};
        for (const auto& f : fields(purpose, cls)) args.push_back(f);
        if (!req.empty()) args.insert(args.end(), {"--request", req});
        return as("sato", kOperatorPassword, args);
    }
    QJsonObject last() { return entries().back(); }
};

TEST_F(PeopleCliTest, FullFlowLinksRequestApprovalAndErasure) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice dev(tmp_ / "disk.img", 4 * 1024 * 1024);
    const std::string req = request(dev.path());
    EXPECT_EQ(req, "REQ-000001");
    auto approved = as("tanaka", kManagerPassword, {"approve", req});
    ASSERT_EQ(approved.exitCode, 0) << approved.err;
    auto erased = erase(dev.path(), req);
    ASSERT_EQ(erased.exitCode, 0) << erased.err;

    QJsonObject erasure = entry(std::stol(erased.out));
    EXPECT_EQ(erasure["kind"], "erasure");
    EXPECT_EQ(erasure["result"], "erased");
    EXPECT_EQ(erasure["request"], QString::fromStdString(req));
    EXPECT_EQ(erasure["requester"], "sato");
    EXPECT_EQ(erasure["approver"], "tanaka");
    QJsonObject approval = entry(erasure["approval_entry"].toInteger());
    EXPECT_EQ(approval["kind"], "request-approved");
    EXPECT_EQ(approval["request"], QString::fromStdString(req));
    EXPECT_EQ(approval["by"], "tanaka");
    EXPECT_EQ(std::stol(approved.out), erasure["approval_entry"].toInteger());
    QJsonObject created = entry(approval["request_entry"].toInteger());
    EXPECT_EQ(created["kind"], "request-created");
    EXPECT_EQ(created["request"], QString::fromStdString(req));
    EXPECT_EQ(created["device_path"], QString::fromStdString(dev.path()));

    // Used once: the same approval cannot erase again.
    auto again = erase(dev.path(), req);
    EXPECT_EQ(again.exitCode, 3) << again.err;
    EXPECT_NE(again.err.find("used already"), std::string::npos) << again.err;
    EXPECT_EQ(last()["kind"], "erasure-refused");
}

TEST_F(PeopleCliTest, ErasureWithoutANeededApprovalIsRefusedAndTouchesNothing) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice dev(tmp_ / "disk.img", 1024 * 1024);
    dev.writeAt(0, std::vector<uint8_t>(4096, 0xAB));
    for (auto [purpose, cls] : {std::pair{"disposal", "4"}, {"reuse", "2"}}) {
        auto r = erase(dev.path(), "", purpose, cls);
        EXPECT_EQ(r.exitCode, 3) << purpose << cls << r.err;
        EXPECT_NE(r.err.find("massho request erase"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("massho approve"), std::string::npos) << r.err;
    }
    EXPECT_EQ(dev.readAll()[0], 0xAB);
    // A lease return (of a medium whose lease the ledger records) of class 3 needs one too.
    LoopDevice leased(tmp_ / "leased.img", 1024 * 1024);
    ASSERT_EQ(as("sato", kOperatorPassword,
                 {"media", "add", "L-77", "--class", "3", "--device", leased.path(), "--lessor",
                  "Tokyo Lease", "--lease-contract", "TL-77", "--lease-return", "2030-01-31"})
                  .exitCode,
              0);
    auto r = as("sato", kOperatorPassword,
                {"erase", leased.path(), "--method", "zero", "--purpose", "lease-return", "--asset",
                 "L-77"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("massho request erase"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("massho approve"), std::string::npos) << r.err;
    // Reuse of class 3 needs none.
    EXPECT_EQ(erase(dev.path(), "", "reuse", "3").exitCode, 0);
}

TEST_F(PeopleCliTest, SelfApprovalIsRefusedAndRecorded) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice dev(tmp_ / "disk.img", 1024 * 1024);
    std::vector<std::string> args{"request", "erase", dev.path()};
    for (const auto& f : fields("disposal", "2")) args.push_back(f);
    auto made = as("suzuki", kOtherPassword, args);
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string req = made.out.substr(0, made.out.find('\n'));
    auto self = as("suzuki", kOtherPassword, {"approve", req});
    EXPECT_EQ(self.exitCode, 3);
    EXPECT_NE(self.err.find("separation of duties"), std::string::npos) << self.err;
    EXPECT_EQ(std::count(self.err.begin(), self.err.end(), '\n'), 1) << self.err;
    EXPECT_EQ(last()["kind"], "approval-refused");
    EXPECT_EQ(last()["reason"], "self-approval");
    // Nor may an admin or an operator approve; the refusal is recorded.
    EXPECT_EQ(as("admin", kAdminPassword, {"approve", req}).exitCode, 3);
    EXPECT_EQ(last()["reason"], "not-data-manager");
    auto rejected = as("tanaka", kManagerPassword, {"reject", req, "--reason", "keep it"});
    EXPECT_EQ(rejected.exitCode, 0) << rejected.err;
    EXPECT_EQ(last()["kind"], "request-rejected");
}

TEST_F(PeopleCliTest, RolesAreEnforcedOnEveryCommand) {
    auto expectRefused = [&](const std::string& id, const std::string& pw,
                             std::vector<std::string> args, const std::string& more = "") {
        auto r = as(id, pw, args, more);
        EXPECT_EQ(r.exitCode, 3) << id << " " << args[0] << ": " << r.err;
    };
    expectRefused("sato", kOperatorPassword, {"user", "add", "x1", "--role", "operator"},
                  "some-password-1\n");
    expectRefused("sato", kOperatorPassword, {"user", "disable", "tanaka"});
    expectRefused("kato", kOtherPassword, {"user", "disable", "sato"});
    expectRefused("tanaka", kManagerPassword,
                  {"erase", "/dev/null", "--method", "zero", "--purpose", "reuse", "--class", "4",
                   "--asset", "A"});
    expectRefused("kato", kOtherPassword,
                  {"request", "erase", "/dev/null", "--method", "zero", "--purpose", "reuse",
                   "--class", "4", "--asset", "A"});
    expectRefused("sato", kOperatorPassword, {"user", "list"});
    expectRefused("sato", kOperatorPassword, {"user", "passwd", "admin"}, "new-password-xyz-1\n");
    // An auditor reads.
    EXPECT_EQ(as("kato", kOtherPassword, {"user", "list"}).exitCode, 0);
    EXPECT_EQ(as("kato", kOtherPassword, {"request", "list"}).exitCode, 0);
}

TEST_F(PeopleCliTest, DisabledAndLockedUsersAreRefused) {
    ASSERT_EQ(as("admin", kAdminPassword, {"user", "disable", "sato"}).exitCode, 0);
    EXPECT_EQ(last()["kind"], "user-disabled");
    auto r = as("sato", kOperatorPassword, {"request", "list"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("account disabled"), std::string::npos) << r.err;
    ASSERT_EQ(as("admin", kAdminPassword, {"user", "enable", "sato"}).exitCode, 0);
    EXPECT_EQ(as("sato", kOperatorPassword, {"request", "list"}).exitCode, 0);

    for (int i = 0; i < 5; ++i) as("tanaka", "wrong-password-x", {"request", "list"});
    EXPECT_EQ(last()["kind"], "user-locked");
    auto locked = as("tanaka", kManagerPassword, {"request", "list"});
    EXPECT_EQ(locked.exitCode, 3);
    EXPECT_NE(locked.err.find("account locked until"), std::string::npos) << locked.err;
    // An admin resets the password, which clears the lock.
    auto reset = as("admin", kAdminPassword, {"user", "passwd", "tanaka"}, "a-brand-new-pass-2\n");
    ASSERT_EQ(reset.exitCode, 0) << reset.err;
    EXPECT_EQ(last()["kind"], "user-password-changed");
    EXPECT_EQ(as("tanaka", "a-brand-new-pass-2", {"request", "list"}).exitCode, 0);
    for (const auto& e : entries())
        for (const char* secret : {"a-brand-new-pass-2", "wrong-password-x", kManagerPassword})
            EXPECT_EQ(QJsonDocument(e).toJson().indexOf(secret), -1);
}

// An account whose last valid day has passed could never log in: refused as bad input.
TEST_F(PeopleCliTest, UserAddRefusesAnExpiryDateInThePast) {
    const size_t before = entries().size();
    auto r = massho({"user", "add", "temp", "--role", "operator", "--expires", "2020-01-01", "--as",
                     "admin", "--password-stdin"},
                    std::string(kAdminPassword) + "\n" + kOtherPassword + "\n");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("expiry date 2020-01-01 is in the past"), std::string::npos) << r.err;
    EXPECT_EQ(entries().size(), before);
    EXPECT_EQ(massho({"user", "list", "--json", "--as", "admin", "--password-stdin"},
                     std::string(kAdminPassword) + "\n")
                  .out.find("\"temp\""),
              std::string::npos);
}

TEST_F(PeopleCliTest, PasswdChecksStrengthAndDormantListsUnusedIds) {
    auto weak = as("sato", kOperatorPassword, {"user", "passwd", "sato"}, "password1234\n");
    EXPECT_EQ(weak.exitCode, 2);
    EXPECT_EQ(weak.err.find("password1234"), std::string::npos) << "never echo a password";
    EXPECT_EQ(
        as("sato", kOperatorPassword, {"user", "passwd", "sato"}, "my-own-new-secret-9\n").exitCode,
        0);
    // Nobody is dormant after 1 day yet: everyone was created just now.
    auto dormant = as("admin", kAdminPassword, {"user", "list", "--dormant", "--days", "1"});
    ASSERT_EQ(dormant.exitCode, 0) << dormant.err;
    EXPECT_EQ(std::count(dormant.out.begin(), dormant.out.end(), '\n'), 1) << dormant.out;
    auto all = as("admin", kAdminPassword, {"user", "list"});
    EXPECT_NE(all.out.find("tanaka"), std::string::npos);
}

TEST_F(PeopleCliTest, ConfigFileChangesThePolicyAndTyposAreErrors) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice dev(tmp_ / "disk.img", 1024 * 1024);
    dev.writeAt(0, std::vector<uint8_t>(4096, 0xAB));
    // By default reuse of class 4 needs no approval; this file makes it need one.
    std::ofstream(tmp_ / "data" / "massho.conf") << "[approval.required]\nreuse = 1,2,3,4\n";
    auto refused = erase(dev.path(), "", "reuse", "4");
    EXPECT_EQ(refused.exitCode, 3) << refused.err;
    EXPECT_EQ(refused.err,
              "massho: a reuse erasure of class 4 media needs a data manager's "
              "approval: run 'massho request erase " +
                  dev.path() +
                  " …' with the same fields, have a data manager run 'massho "
                  "approve REQ', then add --request REQ\n");
    EXPECT_EQ(last()["kind"], "erasure-refused");
    EXPECT_EQ(last()["class"], 4);
    EXPECT_EQ(dev.readAll()[0], 0xAB) << "a refused erasure touches nothing";
    // Back to the default rule: the same erasure runs.
    std::ofstream(tmp_ / "data" / "massho.conf") << "[approval.required]\nreuse = 1,2\n";
    auto erased = erase(dev.path(), "", "reuse", "4");
    EXPECT_EQ(erased.exitCode, 0) << erased.err;
    EXPECT_EQ(last()["kind"], "erasure");
    std::ofstream(tmp_ / "data" / "massho.conf") << "[approval.required]\nreuse = 3\n";
    auto bad = as("sato", kOperatorPassword, {"request", "list"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("massho.conf:2"), std::string::npos) << bad.err;
}

// massho.conf [devices] stall_seconds: a value that is not 5 to 3600 seconds stops `massho
// erase` before it touches the device or the register (exit 2), naming the file and the line.
TEST_F(PeopleCliTest, AStallTimeoutOutOfBoundsStopsTheErasure) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice dev(tmp_ / "disk.img", 1024 * 1024);
    dev.writeAt(0, std::vector<uint8_t>(4096, 0xAB));
    const size_t entriesBefore = entries().size();
    const std::string file = (tmp_ / "data" / "massho.conf").string();
    std::ofstream(file) << "[devices]\nstall_seconds = 0\n";
    auto refused = erase(dev.path(), "", "reuse", "4");
    EXPECT_EQ(refused.exitCode, 2) << refused.err;
    EXPECT_EQ(refused.err,
              "massho: " + file + ":2: \"0\" is not a whole number from 5 to 3600\n");
    EXPECT_EQ(dev.readAll()[0], 0xAB) << "nothing written";
    std::ofstream(file) << "[devices]\nstall_seconds = 30\n";
    EXPECT_EQ(entries().size(), entriesBefore) << "nothing recorded";
    auto erased = erase(dev.path(), "", "reuse", "4");
    EXPECT_EQ(erased.exitCode, 0) << erased.err;
    EXPECT_EQ(last()["kind"], "erasure");
}

}  // namespace
}  // namespace massho::testing
