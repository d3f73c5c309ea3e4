// isValidEntry (the one-pass check verification runs on every entry) must decide exactly what
// validateEntry (parse, re-serialise, compare) decides: on real entries, on every kind of
// non-canonical variant, and on many thousands of mutations of them.
#include "massho/records/register/entry_check.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/register.h"

using namespace massho::records;

namespace {

const std::string kSalt = "0123456789abcdef0123456789abcdef";

// What validateEntry says: the kind when it accepts, nullopt when it throws.
std::optional<std::string> slowKind(const std::string& bytes) {
    try {
        return entryString(validateEntry(bytes), "kind");
    } catch (const RecordsError&) {
        return std::nullopt;
    }
}

std::optional<std::string> fastKind(const std::string& bytes) {
    std::string kind = "left over from an earlier entry";
    if (!isValidEntry(bytes, kind)) return std::nullopt;
    return kind;
}

// Entries as Massho writes them, with every kind of value the format allows.
std::vector<std::string> realEntries() {
    std::string controls = "q\" b\\ \b\f\n\r\t";
    controls += std::string("\x01\x1f\x7f", 3) + "/日本語 🎌";
    return {
        EntryBuilder("erasure").set("asset", "PC-1").set("bytes", int64_t{500107862016}).finish(),
        EntryBuilder("register-created").set("origin", "city.example/massho").finish(),
        EntryBuilder("note").set("text", controls).set("n", int64_t{-kMaxSafeInteger}).finish(),
        EntryBuilder("x").set("a", int64_t{0}).set("z", kMaxSafeInteger).set("e", "").finish(),
        EntryBuilder("kind\twith\x01tab").set("salt", kSalt).set("time", "t").finish(),
    };
}

void expectSame(const std::string& bytes) {
    EXPECT_EQ(fastKind(bytes), slowKind(bytes)) << bytes;
}

}  // namespace

TEST(EntryCheck, AcceptsWhatMasshoWritesAndReturnsTheKind) {
    for (const auto& e : realEntries()) {
        ASSERT_TRUE(slowKind(e)) << e;
        expectSame(e);
    }
    EXPECT_EQ(fastKind(realEntries()[4]), "kind\twith\x01tab");  // decoded like the parser
}

TEST(EntryCheck, RefusesEveryNonCanonicalForm) {
    const std::string tail = "\"salt\":\"" + kSalt + "\",\"time\":\"t\",\"v\":1}";
    auto entry = [&](const std::string& head) { return "{" + head + tail; };
    const std::string good = entry("\"a\":\"x\",\"kind\":\"k\",");
    ASSERT_TRUE(fastKind(good));
    expectSame(good);
    const std::vector<std::string> bad = {
        // whitespace
        entry("\"a\": \"x\",\"kind\":\"k\","),
        entry(" \"a\":\"x\",\"kind\":\"k\","),
        entry("\"a\":\"x\" ,\"kind\":\"k\","),
        good + " ",
        " " + good,
        good + "\n",
        // key order and duplicates
        entry("\"kind\":\"k\",\"a\":\"x\","),
        entry("\"a\":\"x\",\"a\":\"x\",\"kind\":\"k\","),
        entry("\"a\":\"x\",\"a\":\"y\",\"kind\":\"k\","),
        entry("\"a\":\"x\",\"kind\":\"k\",\"kind\":\"k\","),
        // keys
        entry("\"A\":\"x\",\"kind\":\"k\","),
        entry("\"\":\"x\",\"kind\":\"k\","),
        entry("\"\\u0061\":\"x\",\"kind\":\"k\","),
        entry("\"a-b\":\"x\",\"kind\":\"k\","),
        entry("\"" + std::string(65, 'a') + "\":\"x\",\"kind\":\"k\","),
        // escapes
        entry("\"a\":\"\\u0041\",\"kind\":\"k\","),
        entry("\"a\":\"\\u001F\",\"kind\":\"k\","),
        entry("\"a\":\"\\u000a\",\"kind\":\"k\","),
        entry("\"a\":\"\\u0008\",\"kind\":\"k\","),
        entry("\"a\":\"\\u0009\",\"kind\":\"k\","),
        entry("\"a\":\"\\u000c\",\"kind\":\"k\","),
        entry("\"a\":\"\\u000d\",\"kind\":\"k\","),
        entry("\"a\":\"\\/\",\"kind\":\"k\","),
        entry("\"a\":\"\\u00e9\",\"kind\":\"k\","),
        entry("\"a\":\"\\x\",\"kind\":\"k\","),
        entry("\"a\":\"\\u00\",\"kind\":\"k\","),
        entry("\"a\":\"\t\",\"kind\":\"k\","),
        entry("\"a\":\"\\\",\"kind\":\"k\","),
        // UTF-8
        entry("\"a\":\"\xc3\x28\",\"kind\":\"k\","),
        entry("\"a\":\"\xc0\xaf\",\"kind\":\"k\","),
        entry("\"a\":\"\xed\xa0\x80\",\"kind\":\"k\","),
        entry("\"a\":\"\xf4\x90\x80\x80\",\"kind\":\"k\","),
        entry("\"a\":\"\xe6\x97\",\"kind\":\"k\","),
        // numbers
        entry("\"a\":01,\"kind\":\"k\","),
        entry("\"a\":-0,\"kind\":\"k\","),
        entry("\"a\":+1,\"kind\":\"k\","),
        entry("\"a\":1.0,\"kind\":\"k\","),
        entry("\"a\":1e3,\"kind\":\"k\","),
        entry("\"a\":1E3,\"kind\":\"k\","),
        entry("\"a\":-,\"kind\":\"k\","),
        entry("\"a\":9007199254740992,\"kind\":\"k\","),
        entry("\"a\":-9007199254740992,\"kind\":\"k\","),
        entry("\"a\":99999999999999999999,\"kind\":\"k\","),
        entry("\"a\":00,\"kind\":\"k\","),
        // other values
        entry("\"a\":true,\"kind\":\"k\","),
        entry("\"a\":null,\"kind\":\"k\","),
        entry("\"a\":{\"b\":1},\"kind\":\"k\","),
        entry("\"a\":[1],\"kind\":\"k\","),
        // the fields every entry needs
        entry("\"a\":\"x\","),
        entry("\"kind\":1,"),
        "{\"kind\":\"k\",\"salt\":\"" + kSalt + "\",\"time\":\"t\",\"v\":2}",
        "{\"kind\":\"k\",\"salt\":\"" + kSalt + "\",\"time\":\"t\",\"v\":\"1\"}",
        "{\"kind\":\"k\",\"salt\":\"" + kSalt + "\",\"time\":\"t\"}",
        "{\"kind\":\"k\",\"salt\":\"" + kSalt + "\",\"time\":1,\"v\":1}",
        "{\"kind\":\"k\",\"salt\":\"0123456789ABCDEF0123456789abcdef\",\"time\":\"t\",\"v\":1}",
        "{\"kind\":\"k\",\"salt\":\"0123\",\"time\":\"t\",\"v\":1}",
        "{\"kind\":\"k\",\"time\":\"t\",\"v\":1}",
        // the object itself
        "{}",
        "[1]",
        "",
        "{",
        good.substr(0, good.size() - 1),
        good + "}",
        "{\"a\":\"x\",,\"kind\":\"k\"," + tail,
    };
    for (const auto& b : bad) {
        EXPECT_FALSE(fastKind(b)) << b;
        EXPECT_FALSE(slowKind(b)) << b;
    }
    std::string big = entry("\"a\":\"" + std::string(kMaxEntryBytes, 'x') + "\",\"kind\":\"k\",");
    EXPECT_FALSE(fastKind(big));
    expectSame(big);
}

// Every byte deleted, doubled or replaced (by bytes that matter to JSON, to UTF-8 and to the
// rules here), in every real entry: both checks agree on all of them.
TEST(EntryCheck, AgreesWithTheParserOnEveryMutation) {
    const std::string interesting =
        std::string("\"\\{}[],:-+.0123456789eEuabfnrtvA \t\n\x01\x1f\x7f") +
        "\x80\xbf\xc0\xc3\xe6\xed\xf4\xff";
    // A fixed seed on purpose: the same mutations every run, so that a failure can be repeated.
    std::mt19937 random(17);  // NOLINT(cert-msc51-cpp)
    size_t accepted = 0, total = 0;
    for (const auto& e : realEntries()) {
        for (size_t i = 0; i < e.size(); ++i) {
            std::string deleted = e, doubled = e;
            deleted.erase(i, 1);
            doubled.insert(i, 1, e[i]);
            expectSame(deleted);
            expectSame(doubled);
            for (char c : interesting) {
                std::string replaced = e;
                replaced[i] = c;
                const auto kind = fastKind(replaced);
                EXPECT_EQ(kind, slowKind(replaced)) << replaced;
                accepted += kind ? 1 : 0;
                ++total;
            }
        }
        for (int k = 0; k < 2000; ++k) {  // a few bytes at once
            std::string m = e;
            for (int n = 0; n < 3; ++n)
                m[random() % m.size()] = interesting[random() % interesting.size()];
            expectSame(m);
        }
    }
    // Some replacements keep an entry valid (a letter in a value): both sides were exercised.
    EXPECT_GT(accepted, 0u);
    EXPECT_GT(total - accepted, 0u);
}
