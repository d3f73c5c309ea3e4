// toJson output parses with a real JSON parser (Python's) and carries every key massho(1) lists
// `massho devices`, with the right JSON types and the strings intact.
#include "massho/appliance/device_json.h"

#include <gtest/gtest.h>

#include "massho/appliance/devices.h"
#include "massho/testsupport/command.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::appliance {
namespace {

// Checks the keys and types, then prints the strings we want to compare as UTF-8 hex.
constexpr const char* kChecker = R"PY(
import json, sys
d = json.loads(sys.stdin.read())
items = d if isinstance(d, list) else [d]
strings = ["path", "model", "serial", "transport", "reason", "vendor", "media_type", "name",
           "partition_table"]
bools = ["rotational", "removable", "readonly", "system", "mounted", "eligible", "held"]
ints = ["size_bytes", "logical_sector", "physical_sector"]
for o in items:
    for k in strings: assert isinstance(o[k], str), k
    for k in bools: assert isinstance(o[k], bool), k
    for k in ints: assert isinstance(o[k], int) and not isinstance(o[k], bool), k
    assert isinstance(o["partitions"], list)
    for p in o["partitions"]:
        for k in ["path", "name", "fs_type", "label", "uuid"]: assert isinstance(p[k], str), k
        assert isinstance(p["size_bytes"], int) and isinstance(p["mounted"], bool)
print(len(items))
for o in items:
    print(o["model"].encode("utf-8").hex(), o["serial"].encode("utf-8").hex(), o["size_bytes"],
          o["readonly"], ",".join(p["label"] for p in o["partitions"]))
)PY";

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string check(const std::string& json) {
    auto r = testsupport::runCommand({"python3", "-c", kChecker}, json);
    EXPECT_EQ(r.exitCode, 0) << r.err << "\n" << json;
    return r.out;
}

TEST(DevicesJson, AwkwardStringsSurviveAndEveryCliKeyIsThere) {
    BlockDevice d;
    d.path = "/dev/sdb";
    d.model = "Quote\" back\\slash\ttab\nnewline \x01 ctl 抹消";
    d.serial = std::string("bad\xff\xfeutf8");  // not UTF-8: must still be valid JSON
    d.sizeBytes = 123456789012345ull;
    d.readOnly = true;
    Partition p1;
    p1.path = "/dev/sdb1";
    p1.name = "sdb1";
    p1.label = "データ";
    d.partitions.push_back(p1);

    std::string out = check(toJson(d));
    EXPECT_EQ(out, "1\n" + hex(d.model) + " " + hex("bad\xef\xbf\xbd\xef\xbf\xbdutf8") +
                       " 123456789012345 True " + "データ" + "\n");
}

TEST(DevicesJson, DiscoveredDevicesFormAValidArray) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    testsupport::TempDir tmp;
    testsupport::LoopDevice loop(tmp / "disk.img", 8 << 20);
    std::vector<BlockDevice> devices = discoverDevices();
    std::string out = check(toJson(devices));
    EXPECT_EQ(out.substr(0, out.find('\n')), std::to_string(devices.size()));
    EXPECT_NE(toJson(devices).find("\"path\":\"" + loop.path() + "\""), std::string::npos);
}

TEST(DevicesJson, EmptyListIsAnEmptyArray) {
    EXPECT_EQ(toJson(std::vector<BlockDevice>{}), "[]");
}

}  // namespace
}  // namespace massho::appliance

namespace massho::appliance {
namespace {

// `capabilities`: what the drive-command probe found, as parsed JSON.
constexpr const char* kCapabilitiesChecker = R"PY(
import json, sys
c = json.loads(sys.stdin.read())["capabilities"]
print(c["interface"], ",".join(c["methods"]), c["nvme"]["fna"], c["nvme"]["format_crypto_erase"],
      c["hidden_area"] == "", "ata" in c)
)PY";

TEST(DevicesJson, CapabilitiesOfAnNvmeDrive) {
    BlockDevice d;
    d.path = "/dev/nvme0n1";
    d.capabilities.interface = "nvme";
    d.capabilities.methods = {"nvme-format-user-data"};
    erase::sanitize::NvmeController controller;
    controller.oacs = 0x10A;
    controller.formatSupported = true;
    d.capabilities.nvme = controller;
    auto r = testsupport::runCommand({"python3", "-c", kCapabilitiesChecker}, toJson(d));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "nvme nvme-format-user-data 0 False True False\n");
}

TEST(DevicesJson, LoopDeviceHasNoDriveCommands) {
    BlockDevice d;
    d.capabilities.note = "no drive commands for transport 'loop'";
    const std::string json = toJson(d);
    EXPECT_NE(json.find("\"capabilities\":{\"interface\":\"none\",\"methods\":[]"),
              std::string::npos)
        << json;
}

}  // namespace
}  // namespace massho::appliance
