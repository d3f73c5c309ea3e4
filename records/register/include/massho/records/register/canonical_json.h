#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "massho/records/register/clock.h"

namespace massho::records {

// One register entry: a flat JSON object of strings and integers (a profile of RFC 8785). Keys
// are [a-z0-9_]+; integers satisfy |x| < 2^53 (RFC 8785 §3.2.2.3: exact in IEEE 754 doubles, so
// every JSON tool reads them the same).
using EntryValue = std::variant<std::string, int64_t>;
using EntryFields = std::map<std::string, EntryValue>;

inline constexpr int64_t kMaxSafeInteger = (int64_t{1} << 53) - 1;
// 65535: an entry must fit the 16-bit length prefix of tlog-tiles entry bundles.
inline constexpr size_t kMaxEntryBytes = 65535;
inline constexpr size_t kMaxKeyLength = 64;

bool isValidEntryKey(std::string_view key);

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not well-formed
// (RFC 3629 §4: no overlongs, no surrogates, nothing above U+10FFFF).
size_t utf8SequenceLength(std::string_view s, size_t i);

// Serialises fields canonically: keys sorted (ASCII = UTF-16 order), no whitespace, RFC 8785
// §3.2.2.2 string escaping. Throws EntryFormatError for a bad key, integer or invalid UTF-8.
std::string serializeEntry(const EntryFields& fields);

// Strict parser: accepts only bytes that serializeEntry would produce for the same fields
// (it re-serialises and compares). Throws EntryFormatError saying what is wrong.
EntryFields parseEntry(std::string_view bytes);

// Typed access; throws EntryFormatError when the key is missing or of the other type.
const std::string& entryString(const EntryFields& fields, const std::string& key);
int64_t entryInteger(const EntryFields& fields, const std::string& key);
// Lenient access for reports and the media ledger, where an optional field may be missing: the
// value as text (integers in decimal) or "" / the integer or `fallback` (also for a text value).
std::string entryText(const EntryFields& fields, const std::string& key);
int64_t entryIntegerOr(const EntryFields& fields, const std::string& key, int64_t fallback);

// Builds one entry of a given kind. finish() adds v=1, kind, a fresh 128-bit salt and the time
// (from the clock) unless already set, then serialises canonically.
class EntryBuilder {
  public:
    explicit EntryBuilder(std::string kind, Clock clock = systemClock());

    EntryBuilder& set(const std::string& key, std::string_view value);
    EntryBuilder& set(const std::string& key, const char* value) {
        return set(key, std::string_view(value));
    }
    EntryBuilder& set(const std::string& key, int64_t value);

    std::string finish() const;

  private:
    std::string kind_;
    Clock clock_;
    EntryFields fields_;
};

// 32 lower-case hex digits from RAND_bytes: stops anyone confirming guessed field values from
// the neighbouring leaf hashes printed on certificates.
std::string randomSalt();

}  // namespace massho::records
