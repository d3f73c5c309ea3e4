// Fields read in place (entry_view.h) are the fields parseEntry gives, for every key of entries
// with escapes, Japanese, integers of both signs; an entry that is not valid gets no view.
#include "massho/records/register/entry_view.h"

#include <gtest/gtest.h>

#include "massho/records/register/canonical_json.h"
#include "test_util.h"

namespace massho::records::test {
namespace {

TEST(EntryView, EveryFieldReadsAsParseEntryReadsIt) {
    const std::string entry =
        EntryBuilder("erasure", fixedClock())
            .set("asset", "PC-1")
            .set("quote", "say \"hi\" \\ back\\slash")
            // The bidi override (U+202E) is one of the control characters under test.
            // NOLINTNEXTLINE(misc-misleading-bidirectional)
            .set("controls", std::string("a\nb\tc\r\b\f\x01\x1f\x7f") + "\xe2\x80\xae")
            .set("japanese", "庁舎3F 情報政策課")
            .set("empty", "")
            .set("negative", int64_t{-9007199254740991})
            .set("zero", int64_t{0})
            .set("size", int64_t{500107862016})
            .finish();
    const auto view = EntryView::of(entry);
    ASSERT_TRUE(view);
    const EntryFields fields = parseEntry(entry);
    for (const auto& [key, value] : fields)
        EXPECT_EQ(view->text(key), entryText(fields, key)) << key;
    EXPECT_EQ(view->text("missing"), "");
    EXPECT_EQ(view->text("a"), "");
    EXPECT_EQ(view->text("zzz"), "");
    // NOLINTNEXTLINE(misc-misleading-bidirectional): the override under test, as above
    EXPECT_EQ(view->text("controls"), std::string("a\nb\tc\r\b\f\x01\x1f\x7f") + "\xe2\x80\xae");
    EXPECT_EQ(view->text("negative"), "-9007199254740991");
}

TEST(EntryView, AnEntryThatIsNotValidHasNoView) {
    const std::string entry = EntryBuilder("erasure", fixedClock()).set("asset", "PC-1").finish();
    EXPECT_TRUE(EntryView::of(entry));
    EXPECT_FALSE(EntryView::of(" " + entry));
    EXPECT_FALSE(EntryView::of("{\"asset\":\"PC-1\"}"));  // no v, kind, time or salt
    std::string unsorted = entry;
    unsorted.replace(unsorted.find("\"asset\""), 7, "\"zsset\"");
    EXPECT_FALSE(EntryView::of(unsorted));
    EXPECT_FALSE(EntryView::of(""));
}

}  // namespace
}  // namespace massho::records::test
