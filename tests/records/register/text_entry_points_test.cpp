// The text rules at the records layer's entry points (item 7): what any caller — the CLI or a
// future D-Bus service — hands the media ledger is checked before an entry is appended.
#include <gtest/gtest.h>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/register/signing_key.h"
#include "massho/records/register/text_field.h"
#include "massho/testsupport/temp_dir.h"
#include "test_util.h"

namespace massho::records::test {
namespace {

class TextEntryPointsTest : public ::testing::Test {
  protected:
    TextEntryPointsTest() : db(dir / "massho.db", Database::Mode::Create), log(db) {
        log.setSigner("test.example/text", [this]() -> const SigningKey& { return key; });
        ledger.emplace(db, log, [] { return testTime(); });
    }
    NewMedium medium(const std::string& tag) {
        NewMedium m;
        m.tag = tag;
        m.infoClass = 2;
        m.mediaType = "ssd";
        m.model = "ACME";
        m.serial = "SN-" + tag;
        return m;
    }

    testsupport::TempDir dir;
    SigningKey key = SigningKey::generate("test.example/text");
    Database db;
    Register log;
    std::optional<MediaLedger> ledger;
};

TEST_F(TextEntryPointsTest, CountsCharactersSoJapaneseIsNotCutAtTwoHundredBytes) {
    NewMedium m = medium("PC-1");
    for (int i = 0; i < 150; ++i) m.location += "庫";  // 450 bytes
    m.section = "税務課 👩‍💻 e\xcc\x81";
    ledger->add(m, "op");
    EXPECT_EQ(ledger->find("PC-1")->location, m.location);
    EXPECT_EQ(ledger->find("PC-1")->section, m.section);
}

TEST_F(TextEntryPointsTest, RefusesBadTextBeforeAppending) {
    ledger->add(medium("PC-2"), "op");
    const uint64_t before = log.size();
    MediumUpdate u;
    u.notes =
        "a\xc2\x9b"
        "2J";  // C1 CSI: bytes above 0x20, so the old byte check let it through
    u.reason = "checked";
    try {
        ledger->update("PC-2", u, "op");
        FAIL() << "accepted";
    } catch (const TextFieldError& e) {
        EXPECT_STREQ(e.what(),
                     "--notes has a control character (U+009B) at character 2: type plain text, "
                     "without escape codes or tabs");
    }
    u.notes.reset();
    u.reason = "-";
    EXPECT_THROW(ledger->update("PC-2", u, "op"), TextFieldError);
    MoveDetails d;
    d.location = " Vault";
    EXPECT_THROW(ledger->move("PC-2", d, "op"), TextFieldError);
    EXPECT_EQ(log.size(), before);
}

}  // namespace
}  // namespace massho::records::test
