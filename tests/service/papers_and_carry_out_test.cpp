// The acts beyond erasing, through the service: the methods offered for a device, a
// certificate drawn inside the service, and a carry-out to a receiving office from the key book.
#include <gtest/gtest.h>

#include <QFile>
#include <fstream>

#include "job_watch.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;

class ServicePapersAndCarryOutTest : public ::testing::Test {
  protected:
    void SetUp() override { MASSHO_REQUIRE_LOOP_DEVICES(); }

    void start() {
        service.startService();
        kiosk = service.connect("kiosk");
    }

    testsupport::TempDir tmp;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
};

TEST_F(ServicePapersAndCarryOutTest, AListedDeviceGetsItsMethodsWithOneRecommended) {
    testsupport::LoopDevice device(tmp / "m.img", 16 * kMiB);
    start();
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    auto methods = manager.GetMethods(QString::fromStdString(device.path()));
    ASSERT_EQ(errorName(methods), "");
    int recommended = 0;
    for (const QVariantMap& m : methods.value()) {
        EXPECT_FALSE(m.value("id").toString().isEmpty());
        EXPECT_FALSE(m.value("nist_level").toString().isEmpty());
        // A loop device has no drive commands of its own.
        EXPECT_FALSE(m.value("hardware").toBool()) << m.value("id").toString().toStdString();
        recommended += m.value("recommended").toBool() ? 1 : 0;
    }
    EXPECT_EQ(recommended, 1);
}

TEST_F(ServicePapersAndCarryOutTest, ARecordsOfficerIssuesTheCertificateOfAnErasureTheServiceRan) {
    testsupport::LoopDevice device(tmp / "c.img", 32 * kMiB);
    start();
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy operatorSession(kBusName, service.login(manager, "op1").path(), kiosk);
    auto started = operatorSession.StartErase(QString::fromStdString(device.path()), "zero",
                                              "reuse", 4, "SVC-CERT", "", {});
    ASSERT_EQ(errorName(started), "") << started.error().message().toStdString();
    ASSERT_EQ(waitForEnd(kiosk, started.value()), "done");
    JobProxy job(kBusName, started.value().path(), kiosk);

    auto refused = operatorSession.IssueCertificate(job.entryIndex());
    EXPECT_EQ(errorName(refused), "org.massho.Appliance1.Error.NotAuthorized");

    QDBusConnection office = service.connect("records-office");
    ManagerProxy officeManager = service.manager(office);
    SessionProxy officer(kBusName, service.login(officeManager, "rec").path(), office);
    auto issued = officer.IssueCertificate(job.entryIndex());
    ASSERT_EQ(errorName(issued), "") << issued.error().message().toStdString();
    const QString pdfPath = issued.argumentAt<0>();
    const qlonglong record = issued.argumentAt<1>();
    QFile pdf(pdfPath);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly)) << pdfPath.toStdString();
    EXPECT_TRUE(pdf.read(5) == "%PDF-");
    EXPECT_EQ(records::entryText(service.entry(record), "kind"), "certificate-issued");
    // An auditor's check of the printed paper: the PDF verifies against the register.
    const auto verify =
        testsupport::runCommand({MASSHO_CLI, "certificate", "verify", pdfPath.toStdString(),
                                 "--vkey", (service.dataDir() / "register.vkey").string()});
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

TEST_F(ServicePapersAndCarryOutTest, ACarryOutGoesToAnOfficeFromTheKeyBook) {
    testsupport::LoopDevice medium(tmp / "usb.img", 128 * kMiB);
    const auto share = tmp / "share";
    std::filesystem::create_directories(share / "docs");
    std::ofstream(share / "docs" / "記録.txt") << "住民票 report\n";
    std::ofstream(service.dataDir() / "carryout-sources") << share.string() << "\n";
    ASSERT_EQ(testsupport::runCommand({"age-keygen", "-o", (tmp / "office.key").string()}).exitCode,
              0);
    std::string recipient =
        testsupport::runCommand({"age-keygen", "-y", (tmp / "office.key").string()}).out;
    recipient.erase(recipient.find_last_not_of('\n') + 1);
    // The administrator puts the receiving office's key in the key book.
    const auto added = testsupport::runCommand(
        {MASSHO_CLI, "--data-dir", service.dataDir().string(), "recipients", "add", "kita-ward",
         recipient, "--label", "北区役所", "--as", "admin", "--password-stdin"},
        kPassword + "\n");
    ASSERT_EQ(added.exitCode, 0) << added.err;
    start();
    ManagerProxy manager = service.manager(kiosk);
    manager.GetDevices().waitForFinished();
    SessionProxy session(kBusName, service.login(manager, "op1").path(), kiosk);

    const QString path = QString::fromStdString(medium.path());
    const QString docs = QString::fromStdString((share / "docs").string());
    auto unknown =
        session.StartCarryOut(path, {docs}, {"age1notinthebook"}, 4, "北区役所", "USB-9", "", {});
    EXPECT_EQ(errorName(unknown), "org.massho.Appliance1.Error.NotFound");
    auto passphrase = session.StartCarryOut(path, {docs}, {"kita-ward"}, 4, "北区役所", "USB-9", "",
                                            {{"passphrase", "Correct-Horse-42"}});
    EXPECT_EQ(errorName(passphrase), "org.massho.Appliance1.Error.InvalidArgument");

    auto started =
        session.StartCarryOut(path, {docs}, {"kita-ward"}, 4, "北区役所", "USB-9", "", {});
    ASSERT_EQ(errorName(started), "") << started.error().message().toStdString();
    JobProxy job(kBusName, started.value().path(), kiosk);
    EXPECT_EQ(job.operation(), "carry-out");
    ASSERT_EQ(waitForEnd(kiosk, started.value()), "done") << job.result().toStdString();
    const auto recorded = service.entry(job.entryIndex());
    EXPECT_EQ(records::entryText(recorded, "kind"), "carry-out");
    EXPECT_EQ(records::entryText(recorded, "operator"), "op1");
    EXPECT_EQ(records::entryText(recorded, "file_count"), "1");
}

}  // namespace
}  // namespace massho::service::test
