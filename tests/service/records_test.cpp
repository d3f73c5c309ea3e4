// The register and its papers through the service (org.massho.Appliance1.Records): a records
// officer finds an erasure by asset tag, serial or period, previews and prints its certificate
// (a stand-in lp keeps what CUPS would get), reads the media reports; an auditor verifies the
// register now as a job and reads the latest checkpoint; everyone else is refused.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QFile>
#include <QProcessEnvironment>
#include <fstream>

#include "job_watch.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "records_proxy.h"
#include "service_fixture.h"

namespace massho::service::test {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;
const QString kNotAuthorized = QStringLiteral("org.massho.Appliance1.Error.NotAuthorized");

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian), or {0, 0}.
std::pair<uint32_t, uint32_t> pngSize(const QByteArray& png) {
    if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.size() < 24 || png.mid(12, 4) != "IHDR")
        return {0, 0};
    const auto word = [&](int at) {
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(png[at + i]);
        return v;
    };
    return {word(16), word(20)};
}

// The D-Bus error name of a reply, or "" (errorName for a call's reply as it comes).
template <typename Reply>
QString errorOf(Reply reply) {
    return errorName(reply);
}

class ServiceRecordsTest : public ::testing::Test {
  protected:
    void SetUp() override { MASSHO_REQUIRE_LOOP_DEVICES(); }

    void start() {
        service.startService();
        kiosk = service.connect("kiosk");
    }

    // A session of `user` on its own connection, and its Records face.
    RecordsProxy records(const std::string& user) {
        const QString name = QString::fromStdString("conn-" + user);
        QDBusConnection bus = service.connect(name);
        ManagerProxy manager = service.manager(bus);
        const QString path = service.login(manager, user).path() + "/records";
        return RecordsProxy(kBusName, path, bus);
    }

    // op1 erases a loop device for asset `asset`; rec issues its certificate. Returns the
    // erasure's index and the archived PDF's path.
    std::pair<qlonglong, QString> eraseAndCertify(const std::string& asset) {
        ManagerProxy manager = service.manager(kiosk);
        manager.GetDevices().waitForFinished();
        SessionProxy op(kBusName, service.login(manager, "op1").path(), kiosk);
        auto started = op.StartErase(QString::fromStdString(device->path()), "zero", "reuse", 4,
                                     QString::fromStdString(asset), "", {});
        EXPECT_EQ(errorOf(started), "") << started.error().message().toStdString();
        EXPECT_EQ(waitForEnd(kiosk, started.value()), "done");
        const qlonglong index = JobProxy(kBusName, started.value().path(), kiosk).entryIndex();
        QDBusConnection office = service.connect("issuer");
        ManagerProxy officeManager = service.manager(office);
        SessionProxy officer(kBusName, service.login(officeManager, "rec").path(), office);
        auto issued = officer.IssueCertificate(index);
        EXPECT_EQ(errorOf(issued), "") << issued.error().message().toStdString();
        return {index, issued.argumentAt<0>()};
    }

    testsupport::TempDir tmp;
    ServiceFixture service;
    QDBusConnection kiosk{QString()};
    std::unique_ptr<testsupport::LoopDevice> device;
};

TEST_F(ServiceRecordsTest, AnOfficerFindsAnErasureByTagSerialAndPeriodAPageAtATime) {
    device = std::make_unique<testsupport::LoopDevice>(tmp / "r.img", 16 * kMiB);
    // A medium with a serial, registered by hand (a loop device has none).
    const auto added = testsupport::runCommand(
        {MASSHO_CLI, "--data-dir", service.dataDir().string(), "media", "add", "PC-0042", "--class",
         "3", "--serial", "SN-REC-42", "--model", "Disk", "--type", "hdd", "--as", "op1",
         "--password-stdin"},
        kPassword + "\n");
    ASSERT_EQ(added.exitCode, 0) << added.err;
    start();
    const auto [index, pdf] = eraseAndCertify("REC-1");
    RecordsProxy officer = records("rec");

    auto byTag = officer.Search({{"asset", "REC-1"}}, 0, 50);
    ASSERT_EQ(errorOf(byTag), "") << byTag.error().message().toStdString();
    bool found = false;
    for (const QVariantMap& hit : byTag.value()) {
        EXPECT_EQ(hit.value("asset").toString(), "REC-1");
        if (hit.value("index").toLongLong() == index) {
            found = true;
            EXPECT_EQ(hit.value("kind").toString(), "erasure");
            EXPECT_EQ(hit.value("method").toString(), "zero");
            EXPECT_EQ(hit.value("operator").toString(), "op1");
            EXPECT_EQ(hit.value("certificates").toUInt(), 1u);
        }
    }
    EXPECT_TRUE(found) << "the erasure " << index << " is not among the tag's entries";

    auto bySerial = officer.Search({{"serial", "SN-REC-42"}}, 0, 50);
    ASSERT_EQ(errorOf(bySerial), "");
    ASSERT_EQ(bySerial.value().size(), 1);
    EXPECT_EQ(bySerial.value()[0].value("kind").toString(), "medium-registered");
    EXPECT_EQ(bySerial.value()[0].value("asset").toString(), "PC-0042");

    auto unknown = officer.Search({{"asset", "NO-SUCH-TAG"}}, 0, 50);
    ASSERT_EQ(errorOf(unknown), "");
    EXPECT_EQ(unknown.argumentAt<1>(), 0u);

    // Today in Japan: the erasure, found through the erasure-ended keys; a page of one.
    const QString today = QDateTime::currentDateTimeUtc().toOffsetFromUtc(9 * 3600).toString(
        QStringLiteral("yyyy-MM-dd"));
    auto byDay = officer.Search({{"from", today}, {"to", today}}, 0, 1);
    ASSERT_EQ(errorOf(byDay), "") << byDay.error().message().toStdString();
    EXPECT_EQ(byDay.argumentAt<1>(), 1u);
    ASSERT_EQ(byDay.value().size(), 1);
    EXPECT_EQ(byDay.value()[0].value("index").toLongLong(), index);
    auto nextPage = officer.Search({{"from", today}, {"to", today}}, 1, 1);
    ASSERT_EQ(errorOf(nextPage), "");
    EXPECT_TRUE(nextPage.value().isEmpty());

    // Bounded: a page of at most 50, a period of a year at most, something to look for.
    EXPECT_EQ(errorOf(officer.Search({{"asset", "REC-1"}}, 0, 51)),
              "org.massho.Appliance1.Error.InvalidArgument");
    EXPECT_EQ(errorOf(officer.Search({{"from", "2020-01-01"}, {"to", "2026-01-01"}}, 0, 10)),
              "org.massho.Appliance1.Error.InvalidArgument");
    EXPECT_EQ(errorOf(officer.Search({}, 0, 10)), "org.massho.Appliance1.Error.InvalidArgument");
    EXPECT_EQ(errorOf(officer.Search({{"color", "red"}}, 0, 10)),
              "org.massho.Appliance1.Error.InvalidArgument");
}

// What goes to the printer is the issued PDF, byte for byte, and the printing is recorded; the
// preview is that PDF's first page as a PNG of the size asked for.
TEST_F(ServiceRecordsTest, AnOfficerPreviewsAndPrintsTheIssuedCertificate) {
    device = std::make_unique<testsupport::LoopDevice>(tmp / "p.img", 16 * kMiB);
    const auto bin = tmp / "bin";
    std::filesystem::create_directories(bin);
    const auto spooled = tmp / "spooled.pdf";
    const auto args = tmp / "lp-args";
    std::ofstream(bin / "lp") << "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" << args.string()
                              << "'\ncat > '" << spooled.string()
                              << "'\necho 'request id is records-room-1'\n";
    std::filesystem::permissions(bin / "lp", std::filesystem::perms::owner_all);
    const std::string oldPath = std::getenv("PATH");
    setenv("PATH", (bin.string() + ":" + oldPath).c_str(), 1);  // masshod inherits it
    start();
    setenv("PATH", oldPath.c_str(), 1);
    const auto [index, pdf] = eraseAndCertify("REC-2");
    RecordsProxy officer = records("rec");

    auto preview = officer.PreviewCertificate(index, 800);
    preview.waitForFinished();
    ASSERT_EQ(errorOf(preview), "") << preview.error().message().toStdString();
    const auto [width, height] = pngSize(preview.value());
    EXPECT_EQ(height, 800u);                   // A4 portrait: the longer side
    EXPECT_NEAR(width, 800.0 * 210 / 297, 2);  // 565.7
    EXPECT_EQ(errorOf(officer.PreviewCertificate(index, 5000)),
              "org.massho.Appliance1.Error.InvalidArgument");

    auto printed = officer.PrintCertificate(index, "records-room");
    printed.waitForFinished();
    ASSERT_EQ(errorOf(printed), "") << printed.error().message().toStdString();
    EXPECT_EQ(readAll(spooled), readAll(pdf.toStdString()));
    const std::string lpArgs = readAll(args);
    EXPECT_NE(lpArgs.find("-d\nrecords-room\n"), std::string::npos) << lpArgs;
    const auto entry = service.entry(printed.value());
    EXPECT_EQ(records::entryText(entry, "kind"), "certificate-printed");
    EXPECT_EQ(records::entryInteger(entry, "entry"), index);
    EXPECT_EQ(records::entryText(entry, "printer"), "records-room");
    EXPECT_EQ(records::entryText(entry, "by"), "rec");

    // An entry without a certificate is not printed (nothing was issued for it).
    auto notIssued = officer.PrintCertificate(0, "");
    notIssued.waitForFinished();
    EXPECT_EQ(errorOf(notIssued), "org.massho.Appliance1.Error.Failed");
}

TEST_F(ServiceRecordsTest, AnAuditorVerifiesTheRegisterNowAndSeesTheLatestCheckpoint) {
    start();
    RecordsProxy auditor = records("aud");
    auto started = auditor.VerifyRegister();
    ASSERT_EQ(errorOf(started), "") << started.error().message().toStdString();
    EXPECT_EQ(waitForEnd(kiosk, started.value()), "done");
    JobProxy job(kBusName, started.value().path(), kiosk);
    EXPECT_EQ(job.operation(), "verify-register");
    EXPECT_EQ(job.operatorId(), "aud");
    EXPECT_EQ(job.entryIndex(), -1);  // reading records nothing

    auto checkpoint = auditor.GetCheckpoint();
    ASSERT_EQ(errorOf(checkpoint), "");
    const QVariantMap latest = checkpoint.value();
    const qulonglong size = latest.value("size").toULongLong();
    records::Store store =
        records::Store::open(service.dataDir(), records::Store::Access::ReadOnly);
    EXPECT_EQ(size, store.signedRegister().size());
    const std::string expected = "register verified: " + std::to_string(size) + " entries, " +
                                 std::to_string(size) + " checkpoints, ";
    EXPECT_EQ(job.result().toStdString().rfind(expected, 0), 0u) << job.result().toStdString();
    EXPECT_NE(job.result().indexOf(latest.value("root").toString()), -1)
        << job.result().toStdString();
    EXPECT_EQ(latest.value("note").toString().toStdString(), store.signedRegister().checkpoint());
    EXPECT_FALSE(latest.value("time").toString().isEmpty());
}

TEST_F(ServiceRecordsTest, EachActIsRefusedToThoseWithoutItsRole) {
    start();
    RecordsProxy operatorDesk = records("op1");
    auto search = operatorDesk.Search({{"asset", "X"}}, 0, 10);
    EXPECT_EQ(errorOf(search), kNotAuthorized);
    // With its reason key, as every object of the API sends it (a kiosk says it in Japanese).
    EXPECT_EQ(reasonOf(search), "role.missing");
    EXPECT_EQ(errorOf(operatorDesk.VerifyRegister()), kNotAuthorized);
    EXPECT_EQ(errorOf(operatorDesk.GetReport("ledger", {})), kNotAuthorized);
    EXPECT_EQ(errorOf(operatorDesk.GetCheckpoint()), kNotAuthorized);
    // The records officer prints but does not audit; the auditor audits but does not print.
    RecordsProxy officer = records("rec");
    EXPECT_EQ(errorOf(officer.VerifyRegister()), kNotAuthorized);
    RecordsProxy auditor = records("aud");
    auto print = auditor.PrintCertificate(0, "");
    print.waitForFinished();
    EXPECT_EQ(errorOf(print), kNotAuthorized);
    // Another connection cannot use someone's records desk.
    RecordsProxy stolen(kBusName, auditor.path(), kiosk);
    auto stolenVerify = stolen.VerifyRegister();
    EXPECT_EQ(errorOf(stolenVerify), kNotAuthorized);
    EXPECT_EQ(reasonOf(stolenVerify), "session.other-connection");
}

TEST_F(ServiceRecordsTest, AnOfficerReadsTheMediaLedgerReportAsATable) {
    const auto added =
        testsupport::runCommand({MASSHO_CLI, "--data-dir", service.dataDir().string(), "media",
                                 "add", "PC-0077", "--class", "2", "--serial", "SN-77", "--model",
                                 "Disk", "--type", "ssd", "--as", "op1", "--password-stdin"},
                                kPassword + "\n");
    ASSERT_EQ(added.exitCode, 0) << added.err;
    start();
    RecordsProxy officer = records("rec");
    auto report = officer.GetReport("ledger", {});
    ASSERT_EQ(errorOf(report), "") << report.error().message().toStdString();
    const QVariantMap r = report.value();
    EXPECT_NE(r.value("title").toString().indexOf(QStringLiteral("媒体管理台帳")), -1);
    const QStringList header = r.value("header").toStringList();
    const QStringList cells = r.value("cells").toStringList();
    ASSERT_FALSE(header.isEmpty());
    EXPECT_EQ(r.value("rows").toUInt(), 1u);
    EXPECT_EQ(cells.size(), header.size());
    EXPECT_TRUE(cells.contains("PC-0077")) << cells.join('|').toStdString();
    EXPECT_EQ(errorOf(officer.GetReport("closures", {{"from", "2026-13-01"}, {"to", "x"}})),
              "org.massho.Appliance1.Error.InvalidArgument");
    EXPECT_EQ(errorOf(officer.GetReport("everything", {})),
              "org.massho.Appliance1.Error.InvalidArgument");
}

}  // namespace
}  // namespace massho::service::test
