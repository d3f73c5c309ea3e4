#include "massho/records/register/entry_view.h"

#include <algorithm>

#include "massho/records/register/entry_check.h"

namespace massho::records {
namespace {

void appendUtf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

unsigned hexDigit(char c) {
    return c <= '9' ? static_cast<unsigned>(c - '0') : static_cast<unsigned>(c - 'a' + 10);
}

// A canonical string's escapes (RFC 8785 §3.2.2.2): \" \\ \b \f \n \r \t, and \u00xx for the
// other control characters; a valid entry holds no other escape.
std::string unescaped(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        const char e = s[++i];
        switch (e) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned c = 0;
                for (size_t k = 1; k <= 4; ++k) c = c * 16 + hexDigit(s[i + k]);
                appendUtf8(out, c);
                i += 4;
                break;
            }
            default:
                out += e;  // " and backslash
        }
    }
    return out;
}

}  // namespace

std::optional<EntryView> EntryView::of(std::string_view bytes) {
    std::string kind;
    if (!isValidEntry(bytes, kind)) return std::nullopt;
    // Valid: {"key":value,...} with no white space, each value a string or an integer.
    EntryView view;
    view.fields_.reserve(32);
    size_t i = 1;
    while (i < bytes.size() && bytes[i] == '"') {
        const size_t keyEnd = bytes.find('"', i + 1);
        Field f;
        f.key = bytes.substr(i + 1, keyEnd - i - 1);
        i = keyEnd + 2;  // past '"' and ':'
        if (bytes[i] == '"') {
            size_t end = i + 1;
            while (bytes[end] != '"') end += bytes[end] == '\\' ? 2 : 1;
            f.value = bytes.substr(i + 1, end - i - 1);
            f.isString = true;
            i = end + 1;
        } else {
            const size_t end = bytes.find_first_of(",}", i);
            f.value = bytes.substr(i, end - i);
            i = end;
        }
        view.fields_.push_back(f);
        ++i;  // past ',' (or '}', which ends the loop)
    }
    return view;
}

const EntryView::Field* EntryView::find(std::string_view key) const {
    auto it = std::lower_bound(fields_.begin(), fields_.end(), key,
                               [](const Field& f, std::string_view k) { return f.key < k; });
    return it != fields_.end() && it->key == key ? &*it : nullptr;
}

std::string EntryView::text(std::string_view key) const {
    const Field* f = find(key);
    if (!f) return {};
    if (!f->isString || f->value.find('\\') == std::string_view::npos) return std::string(f->value);
    return unescaped(f->value);
}

}  // namespace massho::records
