#include "massho/records/register/text_field.h"

#include <gtest/gtest.h>

#include <string>

using namespace massho::records;

namespace {

std::string problem(std::string_view value, TextKind kind = TextKind::Line) {
    return textProblem(value, kind).value_or("accepted");
}

TEST(TextField, AcceptsJapaneseMixedScriptsEmojiAndCombiningMarksUnchanged) {
    for (const char* text : {
             "総務部 第二課",                       // Japanese with an inner space
             "Абв αβγ مرحبا 中文 한국어",           // mixed scripts
             "👩‍💻 ok 🇯🇵",             // emoji with ZWJ and a flag
             "e\xcc\x81 \xe3\x81\x8b\xe3\x82\x99",  // e + U+0301, か + U+3099 (not NFC)
             "a",
         })
        EXPECT_EQ(problem(text), "accepted") << text;
    // Stored exactly: the validator never rewrites, so nothing to compare but acceptance.
}

TEST(TextField, CountsCharactersNotBytes) {
    std::string twoHundredKanji;
    for (int i = 0; i < 200; ++i) twoHundredKanji += "漢";  // 600 bytes
    EXPECT_EQ(problem(twoHundredKanji), "accepted");
    EXPECT_EQ(problem(twoHundredKanji + "漢"),
              "is 201 characters long; at most 200 are allowed: shorten it");
}

TEST(TextField, RefusesTenKilobytesWithTheCountAndTheLimit) {
    EXPECT_EQ(problem(std::string(10000, 'a')),
              "is 10000 characters long; at most 200 are allowed: shorten it");
    EXPECT_EQ(problem(std::string(10000, 'a'), TextKind::Reason),
              "is 10000 characters long; at most 1000 are allowed: shorten it");
    EXPECT_EQ(problem(std::string(1000, 'a'), TextKind::Reason), "accepted");
    EXPECT_EQ(problem(std::string(65, 'a'), TextKind::Identifier),
              "is 65 characters long; at most 64 are allowed: shorten it");
    EXPECT_EQ(problem(std::string(4097, 'a'), TextKind::Path),
              "is 4097 bytes long; at most 4096 are allowed: shorten it");
}

TEST(TextField, RefusesControlCharactersNamingThePosition) {
    EXPECT_EQ(problem("a\x1b[31m"),
              "has a control character (U+001B) at character 2: type plain text, without escape "
              "codes or tabs");
    EXPECT_EQ(problem(std::string("ab\0c", 4)),
              "has a control character (U+0000) at character 3: type plain text, without escape "
              "codes or tabs");
    EXPECT_EQ(problem("a\tb"),
              "has a control character (U+0009) at character 2: type plain text, without escape "
              "codes or tabs");
    EXPECT_EQ(problem("a\x7f"),
              "has a control character (U+007F) at character 2: type plain text, without escape "
              "codes or tabs");
    EXPECT_EQ(problem("漢\xc2\x9b"),  // C1 CSI, which some terminals obey like ESC [
              "has a control character (U+009B) at character 2: type plain text, without escape "
              "codes or tabs");
    EXPECT_NE(problem("a\x1b", TextKind::Path), "accepted");
    EXPECT_NE(problem("a\x1b", TextKind::Identifier), "accepted");
}

TEST(TextField, RefusesLineBreaksInEveryKind) {
    EXPECT_EQ(problem("a\n\x1b[31m"), "has a line break at character 2: write it on one line");
    EXPECT_EQ(problem("a\r\nb", TextKind::Reason),
              "has a line break at character 2: write it on one line");
    EXPECT_EQ(problem("a\xe2\x80\xa8z"),  // U+2028 LINE SEPARATOR
              "has a line break at character 2: write it on one line");
    EXPECT_NE(problem("file\nname", TextKind::Path), "accepted");
}

TEST(TextField, RefusesBidiOverrides) {
    // The override is the input under test.
    // NOLINTNEXTLINE(misc-misleading-bidirectional)
    EXPECT_EQ(problem("invoice\xe2\x80\xaegpj.exe"),  // U+202E RIGHT-TO-LEFT OVERRIDE
              "has a bidirectional override (U+202E) at character 8, which makes text show "
              "differently from what it is: remove it");
}

TEST(TextField, RefusesInvalidUtf8) {
    EXPECT_EQ(problem("ab\xff"), "is not valid UTF-8 (byte 3): type it again as UTF-8 text");
    EXPECT_EQ(problem("\xc0\xaf"), "is not valid UTF-8 (byte 1): type it again as UTF-8 text");
    EXPECT_EQ(problem("\xed\xa0\x80"),  // a UTF-16 surrogate
              "is not valid UTF-8 (byte 1): type it again as UTF-8 text");
}

TEST(TextField, RefusesEmptyAndSpacesAtEitherEndWithoutTrimming) {
    EXPECT_EQ(problem(""), "is empty: give a value");
    EXPECT_EQ(problem("", TextKind::Path), "is empty: give a value");
    EXPECT_EQ(problem(" a"), "starts with a space: remove it");
    EXPECT_EQ(problem("a "), "ends with a space: remove it");
    EXPECT_EQ(problem("総務部\xe3\x80\x80"), "ends with a space: remove it");  // U+3000
    EXPECT_EQ(problem(" ", TextKind::Reason), "starts with a space: remove it");
    EXPECT_EQ(problem(" a ", TextKind::Path), "accepted");
}

TEST(TextField, ALoneDashIsRefusedExceptAsAPath) {
    const std::string lone = "is a lone '-', which says nothing: write the words it should record";
    EXPECT_EQ(problem("-"), lone);
    EXPECT_EQ(problem("-", TextKind::Reason), lone);
    EXPECT_EQ(problem("-", TextKind::Identifier), lone);
    EXPECT_EQ(problem("-", TextKind::Path), "accepted");  // standard input
    EXPECT_EQ(problem("--"), "accepted");
    EXPECT_EQ(problem("a-b"), "accepted");
}

TEST(TextField, IdentifiersAreAsciiLettersDigitsDotUnderscoreDash) {
    for (const char* id : {"alice", "REQ-000001", "PC-0042.a_b", "9"})
        EXPECT_EQ(problem(id, TextKind::Identifier), "accepted") << id;
    EXPECT_EQ(problem("-x", TextKind::Identifier),
              "has U+002D at character 1: use A-Z a-z 0-9 . _ - only, starting with a letter or "
              "digit");
    EXPECT_EQ(problem("a b", TextKind::Identifier),
              "has U+0020 at character 2: use A-Z a-z 0-9 . _ - only, starting with a letter or "
              "digit");
    EXPECT_EQ(problem("田中", TextKind::Identifier),
              "has U+7530 at character 1: use A-Z a-z 0-9 . _ - only, starting with a letter or "
              "digit");
}

TEST(TextField, RequireTextNamesTheFieldAndThrowsAUserError) {
    try {
        requireText("--condition", "a\n\x1b[31m", TextKind::Line);
        FAIL() << "accepted";
    } catch (const UserError& e) {
        EXPECT_STREQ(e.what(), "--condition has a line break at character 2: write it on one line");
    }
    EXPECT_THROW(requireText("--reason", "", TextKind::Reason), TextFieldError);
    EXPECT_NO_THROW(requireOptionalText("--notes", "", TextKind::Reason));
    EXPECT_THROW(requireOptionalText("--notes", " x", TextKind::Reason), TextFieldError);
}

TEST(TextField, DisplayEscapesWhatTheRulesRefuseAndNothingElse) {
    EXPECT_EQ(escapedForDisplay("a\n\x1b[31m"), "a\\u{000A}\\u{001B}[31m");
    EXPECT_EQ(escapedForDisplay("総務部 👩‍💻 C:\\dir"), "総務部 👩‍💻 C:\\dir");
    EXPECT_EQ(escapedForDisplay("x\xff\xc2\x9b"), "x\\x{FF}\\u{009B}");
}

}  // namespace
