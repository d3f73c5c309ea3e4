// Text a person types (appliance/docs/hardening.md), end to end: the real binary and register.
// Bad text exits 2 with one line naming the option, and nothing is recorded — not even a
// refusal entry; good text in any script is stored and shown back exactly.
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <algorithm>

#include "cli_fixture.h"
#include "massho/testsupport/loop_device.h"

namespace massho::testing {
namespace {

using testsupport::LoopDevice;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr const char* kManagerPassword = "manager-passphrase-1";

class FreeTextCliTest : public CliTest {
  protected:
    void SetUp() override {
        CliTest::SetUp();
        auto r = massho({"user", "add", "tanaka", "--role", "data-manager", "--as", "admin",
                         "--password-stdin"},
                        std::string(kAdminPassword) + "\n" + kManagerPassword + "\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    testsupport::CommandResult asSato(std::vector<std::string> args) {
        args.insert(args.end(), {"--as", "sato", "--password-stdin"});
        return massho(args, std::string(kOperatorPassword) + "\n");
    }
    testsupport::CommandResult asTanaka(std::vector<std::string> args) {
        args.insert(args.end(), {"--as", "tanaka", "--password-stdin"});
        return massho(args, std::string(kManagerPassword) + "\n");
    }
    // Bad input: exit 2, one line containing `message`, and the register unchanged.
    void expectRefusedUnrecorded(const testsupport::CommandResult& r, size_t entriesBefore,
                                 const std::string& message) {
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(entries().size(), entriesBefore) << "something was recorded";
    }
    QJsonObject show(const std::string& tag) {
        auto r = massho({"media", "show", tag, "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
    }
};

std::vector<std::string> eraseWithRequest(const std::string& device, const std::string& request) {
    return {"erase",   device, "--method", "zero",    "--purpose", "disposal",
            "--class", "1",    "--asset",  "PC-0001", "--request", request};
}

// Before: the 10,000 characters were kept in an `erasure-refused` entry.
TEST_F(FreeTextCliTest, EraseRequestOfTenThousandCharactersRecordsNothing) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice disk(tmp_ / "disk.img", 8 * kMiB);
    ASSERT_EQ(asSato({"media", "add", "PC-0001", "--class", "1", "--device", disk.path()}).exitCode,
              0);
    const size_t before = entries().size();
    expectRefusedUnrecorded(asSato(eraseWithRequest(disk.path(), std::string(10000, 'R'))), before,
                            "--request is 10000 characters long; at most 64 are allowed");
    expectRefusedUnrecorded(asSato(eraseWithRequest(disk.path(), "REQ-000001\x1b[31m")), before,
                            "--request has a control character (U+001B) at character 11");
    // The same act with a well-formed unknown ID is refused (exit 3) and that refusal recorded.
    auto unknown = asSato(eraseWithRequest(disk.path(), "REQ-999999"));
    EXPECT_EQ(unknown.exitCode, 3) << unknown.err;
    ASSERT_EQ(entries().size(), before + 1);
    EXPECT_EQ(entries().back()["kind"].toString(), "erasure-refused");
}

// Before: the line break and escape code were recorded and printed raw by `media show`.
TEST_F(FreeTextCliTest, CarryInConditionWithLineBreakAndEscapeRecordsNothing) {
    MASSHO_REQUIRE_LOOP_DEVICES();
    LoopDevice usb(tmp_ / "usb.img", 8 * kMiB);
    const size_t before = entries().size();
    expectRefusedUnrecorded(asSato({"carryin", usb.path(), "--condition", "a\n\x1b[31m"}), before,
                            "--condition has a line break at character 2: write it on one line");
    expectRefusedUnrecorded(asSato({"carryin", usb.path(), "--condition", "-"}), before,
                            "--condition is a lone '-'");
}

TEST_F(FreeTextCliTest, JapaneseAndEmojiAreStoredAndShownExactly) {
    std::string vault;  // 150 characters, 450 bytes: over the old 200-byte limit
    for (int i = 0; i < 150; ++i) vault += "庫";
    const std::string section =
        "税務課 👩‍💻 e\xcc\x81 Ωmega";  // emoji ZWJ, combining accent
    ASSERT_EQ(
        asSato({"media", "add", "USB-0100", "--class", "2", "--serial", "SN-1", "--model",
                "ストレージ", "--type", "usb-flash", "--section", section, "--location", vault})
            .exitCode,
        0);
    const QJsonObject m = show("USB-0100");
    EXPECT_EQ(m["section"].toString().toStdString(), section);
    EXPECT_EQ(m["location"].toString().toStdString(), vault);
    auto human = massho({"media", "show", "USB-0100"});
    EXPECT_EQ(human.exitCode, 0) << human.err;
    EXPECT_NE(human.out.find(vault), std::string::npos) << human.out;
}

// Every option that reaches an entry follows the same rules, checked before anything happens.
TEST_F(FreeTextCliTest, EveryFreeTextOptionIsCheckedBeforeAnythingIsRecorded) {
    ASSERT_EQ(asSato({"media", "add", "PC-0200", "--class", "3", "--serial", "S-200", "--model",
                      "M", "--type", "ssd"})
                  .exitCode,
              0);
    const size_t before = entries().size();
    expectRefusedUnrecorded(
        asSato({"media", "update", "PC-0200", "--section", "税務課 ", "--reason", "moved"}), before,
        "--section ends with a space: remove it");
    // "2J" apart, so that the hex escape ends before it: U+009B (CSI) then "2J".
    expectRefusedUnrecorded(asSato({"media", "update", "PC-0200", "--notes",
                                    std::string("a\xc2\x9b") + "2J", "--reason", "ok"}),
                            before, "--notes has a control character (U+009B) at character 2");
    expectRefusedUnrecorded(
        asSato({"media", "update", "PC-0200", "--section", "経理課", "--reason", "-"}), before,
        "--reason is a lone '-'");
    expectRefusedUnrecorded(
        asSato({"media", "move", "PC-0200", "--to", "in-use", "--reason", std::string(1001, 'x')}),
        before, "--reason is 1001 characters long; at most 1000 are allowed");
    expectRefusedUnrecorded(asSato({"media", "move", "PC-0200", "--location", "棚\t3"}), before,
                            "--location has a control character (U+0009) at character 2");
    // The bidi override (U+202E) is the hostile input under test.
    expectRefusedUnrecorded(massho({"user", "add", "bob", "--role", "operator", "--name",
                                    // NOLINTNEXTLINE(misc-misleading-bidirectional)
                                    " Bob\xe2\x80\xae", "--as", "admin", "--password-stdin"},
                                   std::string(kAdminPassword) + "\nbob-passphrase-123\n"),
                            before, "--name has a bidirectional override (U+202E) at character 5");
    expectRefusedUnrecorded(asTanaka({"reject", "REQ-000001", "--reason", "no\n"}), before,
                            "--reason has a line break at character 3");
    expectRefusedUnrecorded(asSato({"media", "destroy", "PC-0200", "--method", "shred", "--witness",
                                    "suzuki\x1b", "--place", "B1"}),
                            before, "--witness has a control character (U+001B) at character 7");
}

}  // namespace
}  // namespace massho::testing
