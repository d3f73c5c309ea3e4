// The kana keys' marks and the katakana candidate (ui-qml/kana_text.h).
#include "kana_text.h"

#include <gtest/gtest.h>

using namespace massho::kiosk::kana;

TEST(KanaText, KatakanaOfAHiraganaReading) {
    EXPECT_EQ(katakanaOf("やまだ"), "ヤマダ");
    EXPECT_EQ(katakanaOf("さーばー"), "サーバー");
    EXPECT_EQ(katakanaOf("ぁゔゝ"), "ァヴヽ");
    EXPECT_EQ(katakanaOf("B棟"), "B棟");
}

TEST(KanaText, TheMarksGoOnAndComeOffTheLastKana) {
    EXPECT_EQ(withMark(u'た', Mark::Voiced), u'だ');
    EXPECT_EQ(withMark(u'だ', Mark::Voiced), u'た');
    EXPECT_EQ(withMark(u'は', Mark::SemiVoiced), u'ぱ');
    EXPECT_EQ(withMark(u'ぱ', Mark::SemiVoiced), u'は');
    EXPECT_EQ(withMark(u'ぱ', Mark::Voiced), u'ば');
    EXPECT_EQ(withMark(u'ば', Mark::SemiVoiced), u'ぱ');
    EXPECT_EQ(withMark(u'う', Mark::Voiced), u'ゔ');
    EXPECT_EQ(withMark(u'つ', Mark::Small), u'っ');
    EXPECT_EQ(withMark(u'っ', Mark::Small), u'つ');
    EXPECT_EQ(withMark(u'よ', Mark::Small), u'ょ');
}

TEST(KanaText, AMarkThatDoesNotApplyLeavesTheKana) {
    EXPECT_EQ(withMark(u'あ', Mark::Voiced), u'あ');
    EXPECT_EQ(withMark(u'か', Mark::SemiVoiced), u'か');
    EXPECT_EQ(withMark(u'こ', Mark::Small), u'こ');
    EXPECT_EQ(withMark(u'B', Mark::Voiced), u'B');
}
