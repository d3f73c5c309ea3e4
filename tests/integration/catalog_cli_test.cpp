// `massho methods` and `massho devices`: what an administrator reads before choosing.
#include <QJsonArray>
#include <QJsonDocument>
#include <filesystem>
#include <map>
#include <set>

#include "cli_fixture.h"
#include "massho/testsupport/files.h"
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

// massho.conf [devices] probe = no: `massho devices` sends no identify command to any drive, and
// says so in each device's capabilities; a value other than yes or no stops it naming the line.
TEST_F(CliTest, DevicesProbeNothingWhenTheConfigurationSaysNo) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::LoopDevice dev(tmp_ / "p.img", 8 * 1024 * 1024);
    const auto conf = std::filesystem::path(dataDir()) / "massho.conf";
    auto capabilities = [&]() {
        auto r = massho({"devices", "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::map<std::string, QJsonObject> byPath;
        for (const auto& v : QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array())
            byPath[v.toObject()["path"].toString().toStdString()] =
                v.toObject()["capabilities"].toObject();
        return byPath;
    };
    // The default (probe = yes): the probe looked at the loop device and found no drive commands.
    EXPECT_EQ(capabilities()[dev.path()]["note"], "no drive commands for transport 'loop'");

    testsupport::writeFile(conf, "[devices]\nprobe = no\n");
    const auto off = capabilities();
    ASSERT_TRUE(off.contains(dev.path()));
    for (const auto& [path, c] : off) {
        EXPECT_EQ(c["interface"], "none") << path;
        EXPECT_TRUE(c["note"].toString().startsWith("not probed")) << path;
    }

    testsupport::writeFile(conf, "[devices]\nprobe = off\n");
    auto bad = massho({"devices"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find(conf.string() + ":2: probe must be yes or no"), std::string::npos)
        << bad.err;
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
