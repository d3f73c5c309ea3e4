// org.massho.Appliance1.Carry through the service: the allowed sources and the key book as a
// kiosk lists them, a carry-out of what was listed that the receiving office opens with the real
// `age`, the approval a class 2 carry-out needs, the medium's return with its crypto-erase, and
// the refusals (a file outside the allowed folders, a recipient not in the key book, the wrong
// role, another connection, an unlisted device).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "carry_proxy.h"
#include "job_watch.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

namespace fs = std::filesystem;
constexpr uint64_t kMiB = 1024 * 1024;
const QString kInvalidArgument = QStringLiteral("org.massho.Appliance1.Error.InvalidArgument");
const QString kNotAuthorized = QStringLiteral("org.massho.Appliance1.Error.NotAuthorized");
const QString kNotFound = QStringLiteral("org.massho.Appliance1.Error.NotFound");
const QString kRefused = QStringLiteral("org.massho.Appliance1.Error.Refused");

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

QString q(const fs::path& path) {
    return QString::fromStdString(path.string());
}

class ServiceCarryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MASSHO_REQUIRE_LOOP_DEVICES();
        // The file share an administrator allowed, and what lies beside it.
        fs::create_directories(share / "docs");
        std::ofstream(share / "docs" / "記録.txt") << "住民票 report\n";
        std::ofstream(share / "minutes.txt") << "minutes of the 3rd meeting\n";
        std::ofstream(share / ".hidden") << "not offered\n";
        fs::create_directories(outside);
        std::ofstream(outside / "secret.txt") << "never carried out\n";
        fs::create_symlink(outside / "secret.txt", share / "link-out");
        std::ofstream(service.dataDir() / "carryout-sources") << share.string() << "\n";
        // The receiving office's key pair; the administrator puts its public key in the key book.
        ASSERT_EQ(
            testsupport::runCommand({"age-keygen", "-o", (tmp / "office.key").string()}).exitCode,
            0);
        std::string recipient =
            testsupport::runCommand({"age-keygen", "-y", (tmp / "office.key").string()}).out;
        recipient.erase(recipient.find_last_not_of('\n') + 1);
        const auto added = testsupport::runCommand(
            {MASSHO_CLI, "--data-dir", service.dataDir().string(), "recipients", "add", "kita-ward",
             recipient, "--label", "北区役所", "--as", "admin", "--password-stdin"},
            kPassword + "\n");
        ASSERT_EQ(added.exitCode, 0) << added.err;
        service.startService();
        kiosk = service.connect("kiosk");
    }

    // A session of `user` on the kiosk, with the devices listed.
    QString logIn(const std::string& user) {
        ManagerProxy manager = service.manager(kiosk);
        manager.GetDevices().waitForFinished();
        return service.login(manager, user).path();
    }

    // The package on the medium, copied off its FAT file system and opened as the receiving
    // office would: mcopy, the real `age` with the office's key, tar. The folder it went to.
    fs::path receive(const testsupport::LoopDevice& medium, const std::string& package) {
        fs::path out = tmp / "received";
        fs::create_directories(out);
        const std::string fat = medium.path() + "@@1048576";
        const auto copy =
            testsupport::runCommand({"mcopy", "-i", fat, "::" + package, (out / package).string()});
        EXPECT_EQ(copy.exitCode, 0) << copy.err;
        const auto opened =
            testsupport::runCommand({"age", "-d", "-i", (tmp / "office.key").string(), "-o",
                                     (out / "data.tar").string(), (out / package).string()});
        EXPECT_EQ(opened.exitCode, 0) << opened.err;
        const auto untar = testsupport::runCommand(
            {"tar", "-xf", (out / "data.tar").string(), "-C", out.string()});
        EXPECT_EQ(untar.exitCode, 0) << untar.err;
        return out;
    }

    testsupport::TempDir tmp;
    fs::path share = tmp / "share";
    fs::path outside = tmp / "elsewhere";
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(ServiceCarryTest, TheKioskListsTheAllowedSourcesAndTheKeyBook) {
    CarryProxy carry(kBusName, logIn("op1"), kiosk);
    auto sources = carry.GetSources();
    ASSERT_EQ(errorName(sources), "") << sources.error().message().toStdString();
    QStringList names;
    for (const QVariantMap& entry : sources.value()) {
        names << entry.value("name").toString();
        EXPECT_EQ(entry.value("folder").toString(), q(fs::canonical(share)));
    }
    // What the carry-out would accept, by name: not the hidden file, not the link out.
    EXPECT_EQ(names, (QStringList{"docs", "minutes.txt"}));
    EXPECT_TRUE(sources.value()[0].value("directory").toBool());
    EXPECT_EQ(sources.value()[1].value("size").toULongLong(), 27u);
    EXPECT_FALSE(sources.argumentAt<1>());

    auto recipients = carry.GetRecipients();
    ASSERT_EQ(errorName(recipients), "");
    ASSERT_EQ(recipients.value().size(), 1);
    EXPECT_EQ(recipients.value()[0].value("name").toString(), "kita-ward");
    EXPECT_EQ(recipients.value()[0].value("label").toString(), "北区役所");
    EXPECT_EQ(recipients.value()[0].value("fingerprint").toString().size(), 64);
}

TEST_F(ServiceCarryTest, AFolderListingIsBounded) {
    fs::create_directories(share / "many");
    std::ofstream(service.dataDir() / "carryout-sources", std::ios::app)
        << (share / "many").string() << "\n";
    for (int i = 0; i < 250; ++i) std::ofstream(share / "many" / ("f" + std::to_string(1000 + i)));
    CarryProxy carry(kBusName, logIn("op1"), kiosk);
    auto sources = carry.GetSources();
    ASSERT_EQ(errorName(sources), "");
    int fromMany = 0;
    for (const QVariantMap& entry : sources.value())
        fromMany += entry.value("folder").toString() == q(fs::canonical(share / "many")) ? 1 : 0;
    EXPECT_EQ(fromMany, 200);
    EXPECT_TRUE(sources.argumentAt<1>());
    EXPECT_EQ(sources.value().last().value("name").toString(), "f1199");
}

TEST_F(ServiceCarryTest, ACarryOutOfListedFilesOpensWithAgeAndItsReturnIsCryptoErased) {
    testsupport::LoopDevice medium(tmp / "usb.img", 32 * kMiB);
    const QString session = logIn("op1");
    CarryProxy carry(kBusName, session, kiosk);
    SessionProxy operatorSession(kBusName, session, kiosk);
    const QString device = QString::fromStdString(medium.path());

    auto plan = carry.PlanCarryOut(device, 4);
    ASSERT_EQ(errorName(plan), "") << plan.error().message().toStdString();
    EXPECT_FALSE(plan.value().value("approval_required").toBool());
    auto sources = carry.GetSources();
    ASSERT_EQ(errorName(sources), "");
    QStringList chosen;
    for (const QVariantMap& entry : sources.value()) chosen << entry.value("path").toString();
    auto started = operatorSession.StartCarryOut(device, chosen, {"kita-ward"}, 4, "北区役所",
                                                 "USB-7", "", {});
    ASSERT_EQ(errorName(started), "") << started.error().message().toStdString();
    JobProxy job(kBusName, started.value().path(), kiosk);
    ASSERT_EQ(waitForEnd(kiosk, started.value()), "done") << job.result().toStdString();
    const auto out = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(out, "kind"), "carry-out");

    const fs::path received = receive(medium, records::entryText(out, "package"));
    EXPECT_EQ(readFile(received / "docs" / "記録.txt"), "住民票 report\n");
    EXPECT_EQ(readFile(received / "minutes.txt"), "minutes of the 3rd meeting\n");

    // The medium comes back: its return recorded, then crypto-erased.
    auto returned = carry.StartCarryIn(device, "seal intact", true);
    ASSERT_EQ(errorName(returned), "") << returned.error().message().toStdString();
    JobProxy back(kBusName, returned.value().path(), kiosk);
    EXPECT_EQ(back.operation(), "carry-in");
    ASSERT_EQ(waitForEnd(kiosk, returned.value()), "done") << back.result().toStdString();
    const auto in = service.entry(back.entryIndex());
    EXPECT_EQ(records::entryText(in, "kind"), "carry-in");
    EXPECT_EQ(records::entryText(in, "operator"), "op1");
    EXPECT_EQ(records::entryText(in, "condition"), "seal intact");
    EXPECT_EQ(records::entryText(in, "carry_out_index"), std::to_string(job.entryIndex()));
    EXPECT_EQ(records::entryText(in, "crypto_erase"), "done");
    const auto erased = service.entry(std::stoll(records::entryText(in, "erasure_index")));
    EXPECT_EQ(records::entryText(erased, "kind"), "erasure");
    EXPECT_EQ(records::entryText(erased, "result"), "erased");
    // Nothing of the package is left to copy off the medium.
    EXPECT_NE(
        testsupport::runCommand({"mdir", "-b", "-i", medium.path() + "@@1048576", "::"}).exitCode,
        0);
}

TEST_F(ServiceCarryTest, AClassTwoCarryOutWaitsForADataManagersApproval) {
    testsupport::LoopDevice medium(tmp / "usb2.img", 32 * kMiB);
    const QString session = logIn("op1");
    CarryProxy carry(kBusName, session, kiosk);
    SessionProxy operatorSession(kBusName, session, kiosk);
    const QString device = QString::fromStdString(medium.path());
    const QStringList files{q(share / "minutes.txt")};

    auto plan = carry.PlanCarryOut(device, 2);
    ASSERT_EQ(errorName(plan), "");
    EXPECT_TRUE(plan.value().value("approval_required").toBool());
    auto unapproved =
        operatorSession.StartCarryOut(device, files, {"kita-ward"}, 2, "北区役所", "USB-8", "", {});
    EXPECT_EQ(errorName(unapproved), kRefused);

    auto asked = carry.RequestCarryOut(device, 2, "USB-8", "北区役所", "minutes for the ward");
    ASSERT_EQ(errorName(asked), "") << asked.error().message().toStdString();
    QDBusConnection office = service.connect("data-manager");
    ManagerProxy officeManager = service.manager(office);
    SessionProxy manager(kBusName, service.login(officeManager, "dm").path(), office);
    auto approved = manager.Approve(asked.value());
    ASSERT_EQ(errorName(approved), "") << approved.error().message().toStdString();

    // The approval is for 北区役所: carrying the data elsewhere is refused before any job
    // starts, with the key the kiosk translates, and the approval stays usable.
    auto elsewhere = operatorSession.StartCarryOut(device, files, {"kita-ward"}, 2, "南区役所",
                                                   "USB-8", asked.value(), {});
    EXPECT_EQ(errorName(elsewhere), kRefused);
    EXPECT_EQ(reasonOf(elsewhere), "request.mismatch") << elsewhere.error().message().toStdString();
    EXPECT_EQ(reasonArgsOf(elsewhere).value(0), asked.value());

    auto started = operatorSession.StartCarryOut(device, files, {"kita-ward"}, 2, "北区役所",
                                                 "USB-8", asked.value(), {});
    ASSERT_EQ(errorName(started), "") << started.error().message().toStdString();
    JobProxy job(kBusName, started.value().path(), kiosk);
    ASSERT_EQ(waitForEnd(kiosk, started.value()), "done") << job.result().toStdString();
    const auto out = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(out, "approver"), "dm");
    EXPECT_EQ(readFile(receive(medium, records::entryText(out, "package")) / "minutes.txt"),
              "minutes of the 3rd meeting\n");
}

TEST_F(ServiceCarryTest, WhatTheRulesForbidIsRefusedBeforeAnythingIsWritten) {
    testsupport::LoopDevice medium(tmp / "usb3.img", 32 * kMiB);
    const QString device = QString::fromStdString(medium.path());
    const QString session = logIn("op1");
    SessionProxy operatorSession(kBusName, session, kiosk);

    // A file outside the allowed folders, directly or through a link in one.
    for (const fs::path& file : {outside / "secret.txt", share / "link-out"}) {
        auto refused = operatorSession.StartCarryOut(device, {q(file)}, {"kita-ward"}, 4,
                                                     "北区役所", "USB-9", "", {});
        EXPECT_EQ(errorName(refused), kInvalidArgument) << file;
        EXPECT_TRUE(refused.error().message().contains("outside the folders allowed"))
            << refused.error().message().toStdString();
    }
    // A recipient not in the key book.
    auto stranger = operatorSession.StartCarryOut(device, {q(share / "minutes.txt")},
                                                  {"minato-ward"}, 4, "港区役所", "USB-9", "", {});
    EXPECT_EQ(errorName(stranger), kNotFound);

    // The wrong role: an auditor lists no files, plans, asks or takes back nothing; a records
    // officer takes back nothing.
    QDBusConnection audit = service.connect("auditor");
    ManagerProxy auditManager = service.manager(audit);
    auditManager.GetDevices().waitForFinished();
    CarryProxy auditor(kBusName, service.login(auditManager, "aud").path(), audit);
    auto listing = auditor.GetSources();
    EXPECT_EQ(errorName(listing), kNotAuthorized);
    auto planned = auditor.PlanCarryOut(device, 4);
    EXPECT_EQ(errorName(planned), kNotAuthorized);
    auto asked = auditor.RequestCarryOut(device, 2, "USB-9", "北区役所", "");
    EXPECT_EQ(errorName(asked), kNotAuthorized);
    auto taken = auditor.StartCarryIn(device, "", true);
    EXPECT_EQ(errorName(taken), kNotAuthorized);
    CarryProxy officer(kBusName, service.login(auditManager, "rec").path(), audit);
    auto byOfficer = officer.StartCarryIn(device, "", true);
    EXPECT_EQ(errorName(byOfficer), kNotAuthorized);
    // The key book is public keys only: anyone logged in may read it.
    auto book = auditor.GetRecipients();
    EXPECT_EQ(errorName(book), "");

    // Another connection cannot use the operator's session, on this interface either.
    CarryProxy borrowed(kBusName, session, audit);
    auto stolen = borrowed.GetSources();
    EXPECT_EQ(errorName(stolen), kNotAuthorized);
    // An unlisted device is never touched.
    auto unlisted =
        CarryProxy(kBusName, session, kiosk).StartCarryIn("/dev/sda-not-listed", "", true);
    EXPECT_EQ(errorName(unlisted), kNotFound);
}

}  // namespace
}  // namespace massho::service::test
