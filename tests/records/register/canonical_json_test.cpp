#include "massho/records/register/canonical_json.h"

#include <gtest/gtest.h>

#include <chrono>

#include "massho/records/register/errors.h"

using namespace massho::records;

namespace {

Clock fixedClock() {
    return [] { return TimePoint(std::chrono::seconds(1764094800)); };  // 2025-11-25T18:20:00Z
}

}  // namespace

TEST(CanonicalJson, SortsKeysAndWritesNoWhitespace) {
    EntryFields f{{"zeta", std::string("z")}, {"alpha", int64_t{-5}}, {"mid_1", std::string("")}};
    EXPECT_EQ(serializeEntry(f), R"({"alpha":-5,"mid_1":"","zeta":"z"})");
}

TEST(CanonicalJson, EscapesLikeRfc8785) {
    std::string all = "q\" b\\ \b\f\n\r\t";
    all.push_back('\x01');
    all.push_back('\x1f');
    all += "\x7f/日本語";
    EntryFields f{{"s", all}};
    EXPECT_EQ(serializeEntry(f),
              "{\"s\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t\\u0001\\u001f\x7f/日本語\"}");
    EXPECT_EQ(parseEntry(serializeEntry(f)), f);
}

TEST(CanonicalJson, IntegerBounds) {
    EXPECT_NO_THROW(serializeEntry({{"n", kMaxSafeInteger}}));
    EXPECT_NO_THROW(serializeEntry({{"n", -kMaxSafeInteger}}));
    EXPECT_THROW(serializeEntry({{"n", kMaxSafeInteger + 1}}), EntryFormatError);
    EXPECT_THROW(parseEntry(R"({"n":9007199254740992})"), EntryFormatError);
    EXPECT_THROW(parseEntry(R"({"n":-9007199254740992})"), EntryFormatError);
    EXPECT_THROW(parseEntry(R"({"n":99999999999999999999999})"), EntryFormatError);
    EXPECT_EQ(std::get<int64_t>(parseEntry(R"({"n":9007199254740991})").at("n")), kMaxSafeInteger);
}

TEST(CanonicalJson, RejectsNonCanonicalInput) {
    const char* bad[] = {
        R"({"b":1,"a":2})",              // unsorted
        R"({"a": 1})",                   // whitespace
        R"( {"a":1})",                   // leading whitespace
        R"({"a":1} )",                   // trailing bytes
        R"({"a":1.0})",                  // float
        R"({"a":1e3})",                  // exponent
        R"({"a":-0})",                   // negative zero
        R"({"a":01})",                   // leading zero
        R"({"a":{"b":1}})",              // nesting
        R"({"a":[1]})",                  // array
        R"({"a":true})",                 // boolean
        R"({"a":null})",                 // null
        R"({"a":"\u0041"})",             // escape of a printable
        R"({"a":"\u001F"})",             // upper-case hex
        R"({"a":"\/"})",                 // needless escape
        R"({"a":1,"a":1})",              // duplicate
        R"({"A":1})",                    // key outside [a-z0-9_]
        R"({})",                         // empty
        R"([1])",                        // not an object
        "{\"a\":\"\t\"}",                // raw control character
        "{\"a\":\"\xc3\x28\"}",          // invalid UTF-8
        "{\"a\":\"\xc0\xaf\"}",          // overlong
        "{\"a\":\"\xed\xa0\x80\"}",      // surrogate
        "{\"a\":\"\xf4\x90\x80\x80\"}",  // above U+10FFFF
        R"({"a":"x)",                    // unterminated
    };
    for (const char* text : bad) EXPECT_THROW(parseEntry(text), EntryFormatError) << text;
}

TEST(CanonicalJson, SerializeRejectsInvalidUtf8AndKeys) {
    EXPECT_THROW(serializeEntry({{"a", std::string("\xff")}}), EntryFormatError);
    EXPECT_THROW(serializeEntry({{"Bad", std::string("x")}}), EntryFormatError);
    EXPECT_THROW(serializeEntry({{"", std::string("x")}}), EntryFormatError);
}

TEST(CanonicalJson, RejectsOversizedEntries) {
    EXPECT_THROW(serializeEntry({{"a", std::string(kMaxEntryBytes, 'x')}}), EntryFormatError);
}

TEST(EntryBuilder, AddsVersionKindSaltAndTime) {
    std::string bytes = EntryBuilder("erasure", fixedClock()).set("device", "/dev/sdb").finish();
    EntryFields f = parseEntry(bytes);
    EXPECT_EQ(entryInteger(f, "v"), 1);
    EXPECT_EQ(entryString(f, "kind"), "erasure");
    EXPECT_EQ(entryString(f, "time"), "2025-11-25T18:20:00Z");
    EXPECT_EQ(entryString(f, "device"), "/dev/sdb");
    const std::string& salt = entryString(f, "salt");
    EXPECT_EQ(salt.size(), 32u);
    EXPECT_EQ(salt.find_first_not_of("0123456789abcdef"), std::string::npos);
    // The exact bytes, fields in order, nothing else.
    EXPECT_EQ(bytes, "{\"device\":\"/dev/sdb\",\"kind\":\"erasure\",\"salt\":\"" + salt +
                         "\",\"time\":\"2025-11-25T18:20:00Z\",\"v\":1}");
}

TEST(EntryBuilder, SaltsDifferAndExplicitFieldsWin) {
    EntryBuilder b("x", fixedClock());
    EXPECT_NE(entryString(parseEntry(b.finish()), "salt"),
              entryString(parseEntry(b.finish()), "salt"));
    b.set("time", "2000-01-01T00:00:00Z");
    EXPECT_EQ(entryString(parseEntry(b.finish()), "time"), "2000-01-01T00:00:00Z");
}

TEST(EntryBuilder, RejectsBadKeysAndIntegers) {
    EntryBuilder b("x");
    EXPECT_THROW(b.set("Upper", "v"), EntryFormatError);
    EXPECT_THROW(b.set("with space", "v"), EntryFormatError);
    EXPECT_THROW(b.set("n", int64_t{1} << 53), EntryFormatError);
}
