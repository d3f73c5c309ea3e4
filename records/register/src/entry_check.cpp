#include "massho/records/register/entry_check.h"

#include <array>
#include <cstdint>

#include "massho/records/register/canonical_json.h"

namespace massho::records {
namespace {

// Bytes written raw inside a string: printable ASCII (and DEL) other than '"' and '\\'.
constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

// Walks the bytes once; every method returns false at the first byte serializeEntry would not
// have written there.
class CanonicalScanner {
  public:
    CanonicalScanner(std::string_view s, std::string& kind) : s_(s), kind_(kind) {}

    bool run() {
        if (s_.size() > kMaxEntryBytes || !take('{')) return false;
        std::string_view previousKey;
        bool first = true;
        for (;;) {
            std::string_view key;
            if (!scanKey(key)) return false;
            // std::map order (bytewise; keys are ASCII); strictly increasing also refuses twins.
            if (!first && !(previousKey < key)) return false;
            first = false;
            previousKey = key;
            if (!take(':') || !scanValue(key)) return false;
            if (take(',')) continue;
            if (!take('}')) return false;
            break;
        }
        return pos_ == s_.size() && sawVersion_ && sawTime_ && sawSalt_ && sawKind_;
    }

  private:
    bool take(char c) {
        if (pos_ >= s_.size() || s_[pos_] != c) return false;
        ++pos_;
        return true;
    }
    unsigned char at(size_t i) const { return static_cast<unsigned char>(s_[i]); }

    // Keys are written raw between quotes: [a-z0-9_]{1,64}.
    bool scanKey(std::string_view& key) {
        if (!take('"')) return false;
        const size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] != '"') ++pos_;
        key = s_.substr(start, pos_ - start);
        return take('"') && isValidEntryKey(key);
    }

    bool scanValue(std::string_view key) {
        if (pos_ < s_.size() && s_[pos_] == '"') {
            std::string_view raw;
            bool escaped = false;
            if (!scanString(raw, escaped)) return false;
            return checkField(key, raw, escaped);
        }
        int64_t value = 0;
        if (!scanInteger(value)) return false;
        if (key == "v") sawVersion_ = value == 1;
        // kind, time and salt must be strings.
        return key != "kind" && key != "time" && key != "salt" && (key != "v" || sawVersion_);
    }

    bool checkField(std::string_view key, std::string_view raw, bool escaped) {
        if (key == "v") return false;  // must be the integer 1
        if (key == "time") sawTime_ = true;
        if (key == "salt") {
            if (raw.size() != 32) return false;
            for (char c : raw)
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            sawSalt_ = true;
        }
        if (key == "kind") {
            if (escaped)
                kind_ = unescape(raw);
            else
                kind_.assign(raw);
            sawKind_ = true;
        }
        return true;
    }

    // RFC 8785 §3.2.2.2 as serializeEntry writes it: printable ASCII and valid UTF-8 raw, the
    // seven short escapes for their characters, \u00xx (lower-case hex) for other controls only.
    bool scanString(std::string_view& raw, bool& escaped) {
        if (!take('"')) return false;
        const size_t start = pos_;
        while (pos_ < s_.size()) {
            // Most bytes are printable ASCII: skip a run of them in a tight loop.
            while (pos_ < s_.size() && kPlain[at(pos_)]) ++pos_;
            if (pos_ >= s_.size()) break;
            const unsigned char c = at(pos_);
            if (c == '"') {
                raw = s_.substr(start, pos_ - start);
                ++pos_;
                return true;
            }
            if (c >= 0x80) {
                const size_t len = utf8SequenceLength(s_, pos_);
                if (len == 0) return false;
                pos_ += len;
            } else if (c == '\\') {
                escaped = true;
                if (!scanEscape()) return false;
            } else {
                return false;  // a raw control character
            }
        }
        return false;  // unterminated
    }

    bool scanEscape() {
        if (pos_ + 1 >= s_.size()) return false;
        const char e = s_[pos_ + 1];
        if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            pos_ += 2;
            return true;
        }
        if (e != 'u' || pos_ + 6 > s_.size() || s_[pos_ + 2] != '0' || s_[pos_ + 3] != '0')
            return false;
        const int high = lowerHexDigit(s_[pos_ + 4]), low = lowerHexDigit(s_[pos_ + 5]);
        if (high < 0 || high > 1 || low < 0) return false;
        const int c = high * 16 + low;
        // Characters with a short escape are never written as \u00xx.
        if (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') return false;
        pos_ += 6;
        return true;
    }

    static int lowerHexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    // Shortest decimal form: 0, or an optional minus and a non-zero first digit; |v| ≤ 2^53-1.
    bool scanInteger(int64_t& value) {
        const bool negative = take('-');
        const size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
        const size_t digits = pos_ - start;
        if (digits == 0 || digits > 16 || (s_[start] == '0' && (digits > 1 || negative)))
            return false;
        uint64_t magnitude = 0;
        for (size_t i = start; i < pos_; ++i)
            magnitude = magnitude * 10 + static_cast<uint64_t>(s_[i] - '0');
        if (magnitude > static_cast<uint64_t>(kMaxSafeInteger)) return false;
        value = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
        return true;
    }

    // Only for a kind with escapes (none this software writes): the escapes scanString allowed.
    static std::string unescape(std::string_view raw) {
        std::string out;
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\') {
                out.push_back(raw[i]);
                continue;
            }
            const char e = raw[++i];
            switch (e) {
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
                case 'u':
                    out.push_back(static_cast<char>(lowerHexDigit(raw[i + 3]) * 16 +
                                                    lowerHexDigit(raw[i + 4])));
                    i += 4;
                    break;
                default:
                    out.push_back(e);  // '"' or '\\'
            }
        }
        return out;
    }

    std::string_view s_;
    size_t pos_ = 0;
    std::string& kind_;
    bool sawVersion_ = false, sawTime_ = false, sawSalt_ = false, sawKind_ = false;
};

}  // namespace

bool isValidEntry(std::string_view bytes, std::string& kind) {
    return CanonicalScanner(bytes, kind).run();
}

}  // namespace massho::records
