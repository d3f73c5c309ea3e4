// KanaDictionary (ui-qml/kana_dictionary.h): a reading's candidates as an SKK dictionary lists
// them, read from a small dictionary in Debian's form (kana/SKK-JISYO.fixture, EUC-JP) and from
// Debian's own (package skkdic), which the kiosk uses.
#include "kana_dictionary.h"

#include <gtest/gtest.h>

#include <QFile>

using massho::kiosk::KanaDictionary;

namespace {

std::shared_ptr<const KanaDictionary> fixture() {
    QString error;
    auto dictionary = KanaDictionary::load(KANA_FIXTURE, &error);
    EXPECT_TRUE(dictionary) << error.toStdString();
    return dictionary;
}

}  // namespace

TEST(KanaDictionary, GivesAReadingsCandidatesInTheDictionarysOrderWithoutNotes) {
    auto dictionary = fixture();
    ASSERT_TRUE(dictionary);
    EXPECT_EQ(dictionary->candidates("やまだ"), QStringList{"山田"});
    // "幹事;manager": the note is not typed; 漢字 listed twice is offered once.
    EXPECT_EQ(dictionary->candidates("かんじ"), (QStringList{"漢字", "幹事", "監事"}));
    EXPECT_EQ(dictionary->candidates("ほかんこ"), QStringList{"保管庫"});
}

TEST(KanaDictionary, FindsReadingsWhereverTheyStandInTheFile) {
    auto dictionary = fixture();
    ASSERT_TRUE(dictionary);
    // きたく is last, after a line out of order (ao) and one that is not EUC-JP.
    EXPECT_EQ(dictionary->candidates("きたく"), (QStringList{"帰宅", "寄託", "北区"}));
    EXPECT_TRUE(dictionary->candidates("ほげ").isEmpty());
    EXPECT_TRUE(dictionary->candidates("").isEmpty());
}

TEST(KanaDictionary, SkipsOkuriganaEntriesOnPurpose) {
    auto dictionary = fixture();
    ASSERT_TRUE(dictionary);
    // かk /書/描/ needs the place where okurigana begin, which kana keys do not say: 書く is
    // found under its whole reading instead.
    EXPECT_TRUE(dictionary->candidates("かk").isEmpty());
    EXPECT_TRUE(dictionary->candidates("か").isEmpty());
    EXPECT_EQ(dictionary->candidates("かく"), (QStringList{"書く", "各", "格"}));
}

TEST(KanaDictionary, SkipsCandidatesThatAreLispExpressions) {
    auto dictionary = fixture();
    ASSERT_TRUE(dictionary);
    EXPECT_EQ(dictionary->candidates("じしょ"), QStringList{"辞書"});
    EXPECT_TRUE(dictionary->candidates("ao").isEmpty());
}

TEST(KanaDictionary, ALineThatIsNotEucJpCostsThatLineOnly) {
    auto dictionary = fixture();
    ASSERT_TRUE(dictionary);
    EXPECT_TRUE(dictionary->candidates("こわれ").isEmpty());
    EXPECT_EQ(dictionary->readings(), 7);  // やまだ かんじ ao かく じしょ ほかんこ きたく
}

TEST(KanaDictionary, AMissingFileIsAnErrorNotADictionary) {
    QString error;
    EXPECT_FALSE(KanaDictionary::load("/nonexistent/SKK-JISYO.L", &error));
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    EXPECT_FALSE(KanaDictionary::load(KANA_NOT_A_DICTIONARY, &error));
    EXPECT_NE(error.indexOf("not an SKK dictionary"), -1) << error.toStdString();
}

TEST(KanaDictionary, DebiansDictionaryWritesTheWordsStaffType) {
    const QString path = KanaDictionary::kDebianPath;
    ASSERT_TRUE(QFile::exists(path)) << "install skkdic (appliance/tools/install-deps)";
    QString error;
    auto dictionary = KanaDictionary::shared(path, &error);
    ASSERT_TRUE(dictionary) << error.toStdString();
    EXPECT_EQ(dictionary->candidates("やまだ").value(0), "山田");
    EXPECT_EQ(dictionary->candidates("ほかんこ").value(0), "保管庫");
    EXPECT_TRUE(dictionary->candidates("きたく").contains("北区"));
    EXPECT_EQ(dictionary->candidates("やくしょ").value(0), "役所");
    EXPECT_EQ(KanaDictionary::shared(path, &error), dictionary);  // loaded once
}
