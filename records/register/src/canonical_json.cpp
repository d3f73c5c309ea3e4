#include "massho/records/register/canonical_json.h"

#include <openssl/rand.h>

#include <algorithm>
#include <charconv>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/errors.h"

namespace massho::records {

size_t utf8SequenceLength(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (len == 0 || c > 0xf4 || i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k)
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xe0 && c1 < 0xa0) return 0;  // overlong
    if (c == 0xed && c1 > 0x9f) return 0;  // surrogate
    if (c == 0xf0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xf4 && c1 > 0x8f) return 0;  // above U+10FFFF
    return len;
}

namespace {

// Printable ASCII other than '"' and '\\': written raw, and read back as itself. Entries are
// mostly such runs; copying a run at once is what makes verifying a million entries quick.
bool isPlainAscii(unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

size_t plainAsciiRun(std::string_view s, size_t i) {
    size_t end = i;
    while (end < s.size() && isPlainAscii(static_cast<unsigned char>(s[end]))) ++end;
    return end - i;
}

void appendString(std::string& out, std::string_view s) {
    // RFC 8785 §3.2.2.2: the short escapes, \u00xx (lower case) for other controls, the rest raw.
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (size_t i = 0; i < s.size();) {
        if (size_t run = plainAsciiRun(s, i)) {
            out.append(s.substr(i, run));
            i += run;
            continue;
        }
        size_t len = utf8SequenceLength(s, i);
        if (len == 0) throw EntryFormatError("entry text is not valid UTF-8: fix the input");
        unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0x0f]);
                } else {
                    out.append(s.substr(i, len));
                }
        }
        i += len;
    }
    out.push_back('"');
}

void checkInteger(int64_t v) {
    if (v > kMaxSafeInteger || v < -kMaxSafeInteger)
        throw EntryFormatError("entry integer " + std::to_string(v) +
                               " is outside +-(2^53-1): store it as a string");
}

void checkKey(std::string_view key) {
    if (!isValidEntryKey(key))
        throw EntryFormatError("entry key \"" + std::string(key.substr(0, kMaxKeyLength)) +
                               "\" is not [a-z0-9_]+ (at most 64): rename it");
}

// Recursive-descent parser for exactly one flat object; anything else is refused.
class Parser {
  public:
    explicit Parser(std::string_view text) : s_(text) {}

    EntryFields parseObject() {
        EntryFields fields;
        expect('{');
        if (peek() == '}') fail("an empty object");
        while (true) {
            std::string key = parseString();
            checkKey(key);
            expect(':');
            EntryValue value = parseValue();
            if (!fields.emplace(key, std::move(value)).second)
                fail("a duplicate key \"" + key + "\"");
            char c = next();
            if (c == '}') break;
            if (c != ',') fail("a character other than , or }");
        }
        if (pos_ != s_.size()) fail("bytes after the object");
        return fields;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw EntryFormatError("entry is not canonical JSON: " + what + " at byte " +
                               std::to_string(pos_));
    }
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    char next() {
        if (pos_ >= s_.size()) fail("an unexpected end");
        return s_[pos_++];
    }
    void expect(char c) {
        if (next() != c) fail(std::string("no '") + c + "'");
    }

    EntryValue parseValue() {
        char c = peek();
        if (c == '"') return parseString();
        if (c == '-' || (c >= '0' && c <= '9')) return parseInteger();
        if (c == '{' || c == '[') fail("a nested value (only strings and integers are allowed)");
        fail("a value that is not a string or an integer");
    }

    int64_t parseInteger() {
        size_t start = pos_;
        if (peek() == '-') ++pos_;
        while (peek() >= '0' && peek() <= '9') ++pos_;
        char c = peek();
        if (c == '.' || c == 'e' || c == 'E') fail("a number with a fraction or exponent");
        int64_t v = 0;
        auto [end, ec] = std::from_chars(s_.data() + start, s_.data() + pos_, v);
        if (ec != std::errc() || end != s_.data() + pos_) fail("an integer that is out of range");
        checkInteger(v);
        return v;
    }

    unsigned parseHex4() {
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = next();
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                fail("a bad \\u escape");
        }
        return v;
    }

    // Only escapes RFC 8785 can produce are decoded; anything else would not survive the
    // re-serialisation check, but refusing here gives a clearer message.
    std::string parseString() {
        expect('"');
        std::string out;
        while (true) {
            if (pos_ >= s_.size()) fail("an unterminated string");
            unsigned char c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (size_t run = plainAsciiRun(s_, pos_)) {
                out.append(s_.substr(pos_, run));
                pos_ += run;
                continue;
            }
            if (c < 0x20) fail("a raw control character in a string");
            if (c != '\\') {
                size_t len = utf8SequenceLength(s_, pos_);
                if (len == 0) fail("invalid UTF-8");
                out.append(s_.substr(pos_, len));
                pos_ += len;
                continue;
            }
            ++pos_;
            switch (next()) {
                case '"':
                    out.push_back('"');
                    break;
                case '\\':
                    out.push_back('\\');
                    break;
                case 'b':
                    out.push_back('\b');
                    break;
                case 'f':
                    out.push_back('\f');
                    break;
                case 'n':
                    out.push_back('\n');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'u': {
                    unsigned v = parseHex4();
                    if (v >= 0x20) fail("a \\u escape for a character that must be written raw");
                    out.push_back(static_cast<char>(v));
                    break;
                }
                default:
                    fail("an unknown escape");
            }
        }
    }

    std::string_view s_;
    size_t pos_ = 0;
};

}  // namespace

bool isValidEntryKey(std::string_view key) {
    if (key.empty() || key.size() > kMaxKeyLength) return false;
    // False positive: cppcheck takes the string_view parameter for a local container that dies.
    // cppcheck-suppress invalidLifetime
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string serializeEntry(const EntryFields& fields) {
    // std::map orders keys bytewise, which for ASCII keys is RFC 8785 §3.2.3's UTF-16 order.
    std::string out = "{";
    for (const auto& [key, value] : fields) {
        checkKey(key);
        if (out.size() > 1) out.push_back(',');
        appendString(out, key);
        out.push_back(':');
        if (const auto* text = std::get_if<std::string>(&value)) {
            appendString(out, *text);
        } else {
            int64_t v = std::get<int64_t>(value);
            checkInteger(v);
            out += std::to_string(v);
        }
    }
    out.push_back('}');
    if (fields.empty()) throw EntryFormatError("an entry needs at least one field");
    if (out.size() > kMaxEntryBytes)
        throw EntryFormatError("entry is " + std::to_string(out.size()) +
                               " bytes, above the 65535-byte limit: shorten its fields");
    return out;
}

EntryFields parseEntry(std::string_view bytes) {
    if (bytes.size() > kMaxEntryBytes)
        throw EntryFormatError("entry is " + std::to_string(bytes.size()) +
                               " bytes, above the 65535-byte limit");
    EntryFields fields = Parser(bytes).parseObject();
    if (serializeEntry(fields) != bytes)
        throw EntryFormatError(
            "entry is not canonical JSON: keys unsorted, whitespace, or a non-canonical escape or "
            "number");
    return fields;
}

const std::string& entryString(const EntryFields& fields, const std::string& key) {
    auto it = fields.find(key);
    if (it == fields.end()) throw EntryFormatError("entry has no \"" + key + "\" field");
    const auto* text = std::get_if<std::string>(&it->second);
    if (!text) throw EntryFormatError("entry field \"" + key + "\" is not a string");
    return *text;
}

int64_t entryInteger(const EntryFields& fields, const std::string& key) {
    auto it = fields.find(key);
    if (it == fields.end()) throw EntryFormatError("entry has no \"" + key + "\" field");
    const auto* v = std::get_if<int64_t>(&it->second);
    if (!v) throw EntryFormatError("entry field \"" + key + "\" is not an integer");
    return *v;
}

std::string randomSalt() {
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1)
        throw RecordsError("the system random generator failed: check /dev/urandom");
    return base::hexEncode(std::string_view(reinterpret_cast<const char*>(salt), sizeof salt));
}

EntryBuilder::EntryBuilder(std::string kind, Clock clock)
    : kind_(std::move(kind)), clock_(std::move(clock)) {
    if (kind_.empty()) throw EntryFormatError("an entry needs a kind");
}

EntryBuilder& EntryBuilder::set(const std::string& key, std::string_view value) {
    checkKey(key);
    fields_[key] = std::string(value);
    return *this;
}

EntryBuilder& EntryBuilder::set(const std::string& key, int64_t value) {
    checkKey(key);
    checkInteger(value);
    fields_[key] = value;
    return *this;
}

std::string EntryBuilder::finish() const {
    EntryFields fields = fields_;
    fields.try_emplace("v", int64_t{1});
    fields.try_emplace("kind", kind_);
    if (!fields.contains("salt")) fields.emplace("salt", randomSalt());
    if (!fields.contains("time")) fields.emplace("time", formatRfc3339(clock_()));
    return serializeEntry(fields);
}

std::string entryText(const EntryFields& fields, const std::string& key) {
    auto it = fields.find(key);
    if (it == fields.end()) return {};
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return std::to_string(std::get<int64_t>(it->second));
}

int64_t entryIntegerOr(const EntryFields& fields, const std::string& key, int64_t fallback) {
    auto it = fields.find(key);
    if (it == fields.end()) return fallback;
    if (const auto* i = std::get_if<int64_t>(&it->second)) return *i;
    return fallback;
}

}  // namespace massho::records
