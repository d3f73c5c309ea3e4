// `massho methods` and `massho devices`: what an administrator reads before choosing.
#include <QJsonArray>
#include <QJsonDocument>
#include <set>

#include "cli_fixture.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

TEST_F(CliTest, MethodsJsonListsEveryMethodOfTheContract) {
    auto r = massho({"methods", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::set<std::string> ids;
    for (const auto& v : QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array()) {
        QJsonObject m = v.toObject();
        ids.insert(m["id"].toString().toStdString());
        EXPECT_TRUE(m.contains("passes"));
        EXPECT_TRUE(m.contains("verification"));
        // Overwrite never reaches Purge, and flash never gets Purge from an overwrite (SP 800-88
        // App. A).
        if (m["kind"] == "overwrite") {
            EXPECT_NE(m["nist_level"].toObject()["ssd"], "purge")
                << m["id"].toString().toStdString();
            EXPECT_NE(m["nist_level"].toObject()["usb-flash"], "purge");
        }
    }
    for (const char* id : {"zero",
                           "random",
                           "dod-3",
                           "dod-7",
                           "gutmann",
                           "vsitr",
                           "hmg-is5-enhanced",
                           "usb-clear",
                           "ata-secure-erase",
                           "ata-secure-erase-enhanced",
                           "ata-sanitize-crypto",
                           "ata-sanitize-block",
                           "ata-sanitize-overwrite",
                           "nvme-format-user-data",
                           "nvme-format-crypto",
                           "nvme-sanitize-crypto",
                           "nvme-sanitize-block",
                           "nvme-sanitize-overwrite",
                           "scsi-sanitize-crypto",
                           "scsi-sanitize-block",
                           "scsi-sanitize-overwrite"})
        EXPECT_TRUE(ids.count(id)) << id;
}

TEST_F(CliTest, DevicesJsonShowsALoopDeviceAsEligible) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::LoopDevice dev(tmp_ / "d.img", 8 * 1024 * 1024);
    auto r = massho({"devices", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    bool found = false;
    for (const auto& v : QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array()) {
        QJsonObject d = v.toObject();
        for (const char* key :
             {"path", "model", "serial", "size_bytes", "logical_sector", "transport", "rotational",
              "removable", "readonly", "system", "mounted", "eligible", "reason", "partitions"})
            EXPECT_TRUE(d.contains(key)) << key;
        if (d["path"].toString().toStdString() != dev.path()) continue;
        found = true;
        EXPECT_EQ(d["eligible"], true);
        EXPECT_EQ(d["transport"], "loop");
        EXPECT_EQ(d["size_bytes"].toInteger(), 8 * 1024 * 1024);
    }
    EXPECT_TRUE(found) << r.out;
}

// A loop device has no drive commands: the method is refused before anything is written.
TEST_F(CliTest, HardwareMethodRefusedOnADriveWithoutIt) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::LoopDevice dev(tmp_ / "hw.img", 4 * 1024 * 1024);
    auto r = massho({"erase", dev.path(), "--method", "nvme-sanitize-crypto", "--purpose", "reuse",
                     "--class", "3", "--asset", "H-1", "--as", "sato", "--password-stdin"},
                    std::string(kOperatorPassword) + "\n");
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("does not support nvme-sanitize-crypto"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnknownCommandIsBadUsage) {
    auto r = massho({"obliterate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown command"), std::string::npos);
}

}  // namespace
}  // namespace massho::testing
