#include "massho/records/register/text_field.h"

#include <cstdio>
#include <vector>

#include "massho/records/register/canonical_json.h"

namespace massho::records {
namespace {

struct CodePoint {
    char32_t value = 0;
    size_t byte = 0;  // where it starts in the text
    size_t length = 0;
};

char32_t decode(std::string_view s, size_t i, size_t len) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (len == 1) return byte(0);
    static constexpr unsigned char kLeadMask[] = {0, 0, 0x1f, 0x0f, 0x07};
    char32_t cp = byte(0) & kLeadMask[len];
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(k) & 0x3f);
    return cp;
}

// The code points of `s`, or the byte offset of the first ill-formed sequence.
struct Decoded {
    std::vector<CodePoint> points;
    std::optional<size_t> badByte;
};

Decoded decodeAll(std::string_view s) {
    Decoded out;
    for (size_t i = 0; i < s.size();) {
        const size_t len = utf8SequenceLength(s, i);
        if (len == 0) {
            out.badByte = i;
            return out;
        }
        out.points.push_back({decode(s, i, len), i, len});
        i += len;
    }
    return out;
}

bool isLineBreak(char32_t c) {
    return c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

bool isControl(char32_t c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

// Unicode Bidi_Control characters that reorder what follows them (the "Trojan Source" ones).
bool isBidiOverride(char32_t c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool isRefused(char32_t c) {
    return isControl(c) || isLineBreak(c) || isBidiOverride(c);
}

// Unicode White_Space characters of category Zs: easy to type by accident at either end
// (an ideographic space after a Japanese word) and invisible when the entry is read.
bool isSpace(char32_t c) {
    return c == 0x20 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

std::string codePointName(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::string at(size_t position) {
    return " at character " + std::to_string(position + 1);
}

// The number of characters in well-formed UTF-8 (bytes that do not continue a sequence).
size_t leadBytes(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xc0) != 0x80;
    return n;
}

size_t maxCharacters(TextKind kind) {
    switch (kind) {
        case TextKind::Identifier:
            return kMaxIdentifierCharacters;
        case TextKind::Line:
            return kMaxLineCharacters;
        case TextKind::Reason:
            return kMaxReasonCharacters;
        case TextKind::Path:
            break;
    }
    return kMaxPathBytes;
}

std::optional<std::string> refusedCharacter(const std::vector<CodePoint>& points) {
    for (size_t k = 0; k < points.size(); ++k) {
        const char32_t c = points[k].value;
        if (isLineBreak(c)) return "has a line break" + at(k) + ": write it on one line";
        if (isControl(c))
            return "has a control character (" + codePointName(c) + ")" + at(k) +
                   ": type plain text, without escape codes or tabs";
        if (isBidiOverride(c))
            return "has a bidirectional override (" + codePointName(c) + ")" + at(k) +
                   ", which makes text show differently from what it is: remove it";
    }
    return std::nullopt;
}

bool isIdentifierCharacter(char32_t c, bool first) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return alnum || (!first && (c == '.' || c == '_' || c == '-'));
}

std::optional<std::string> identifierProblem(const std::vector<CodePoint>& points) {
    for (size_t k = 0; k < points.size(); ++k)
        if (!isIdentifierCharacter(points[k].value, k == 0))
            return "has " + codePointName(points[k].value) + at(k) +
                   ": use A-Z a-z 0-9 . _ - only, starting with a letter or digit";
    return std::nullopt;
}

std::optional<std::string> lengthProblem(size_t count, size_t max, const char* unit) {
    if (count <= max) return std::nullopt;
    return "is " + std::to_string(count) + " " + unit + " long; at most " + std::to_string(max) +
           " are allowed: shorten it";
}

}  // namespace

std::optional<std::string> textProblem(std::string_view value, TextKind kind) {
    if (value.empty()) return std::string("is empty: give a value");
    // A lone "-" conventionally means standard input or "nothing"; recorded, it says nothing.
    if (value == "-" && kind != TextKind::Path)
        return std::string("is a lone '-', which says nothing: write the words it should record");
    if (kind == TextKind::Path && value.size() > kMaxPathBytes)
        return lengthProblem(value.size(), kMaxPathBytes, "bytes");
    // Bound the work before decoding: no character takes more than 4 bytes.
    if (kind != TextKind::Path && value.size() > 4 * maxCharacters(kind))
        return lengthProblem(leadBytes(value), maxCharacters(kind), "characters");
    const Decoded decoded = decodeAll(value);
    if (decoded.badByte)
        return "is not valid UTF-8 (byte " + std::to_string(*decoded.badByte + 1) +
               "): type it again as UTF-8 text";
    const auto& points = decoded.points;
    if (auto refused = refusedCharacter(points)) return refused;
    if (kind == TextKind::Path) return std::nullopt;
    if (auto tooLong = lengthProblem(points.size(), maxCharacters(kind), "characters"))
        return tooLong;
    if (kind == TextKind::Identifier) return identifierProblem(points);
    if (isSpace(points.front().value)) return std::string("starts with a space: remove it");
    if (isSpace(points.back().value)) return std::string("ends with a space: remove it");
    return std::nullopt;
}

void requireText(std::string_view field, std::string_view value, TextKind kind) {
    if (auto problem = textProblem(value, kind))
        throw TextFieldError(std::string(field) + " " + *problem);
}

void requireOptionalText(std::string_view field, std::string_view value, TextKind kind) {
    if (!value.empty()) requireText(field, value, kind);
}

std::string escapedForDisplay(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    appendEscapedForDisplay(out, text);
    return out;
}

void appendEscapedForDisplay(std::string& out, std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        // Printable ASCII needs no decoding: copy the whole run at once.
        size_t run = i;
        while (run < text.size() && text[run] >= 0x20 && text[run] < 0x7f) ++run;
        out.append(text.substr(i, run - i));
        i = run;
        if (i == text.size()) break;
        const size_t len = utf8SequenceLength(text, i);
        char buf[16];
        if (len == 0) {
            std::snprintf(buf, sizeof buf, "\\x{%02X}", static_cast<unsigned char>(text[i]));
            out += buf;
            ++i;
            continue;
        }
        const char32_t c = decode(text, i, len);
        if (isRefused(c)) {
            std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(c));
            out += buf;
        } else {
            out.append(text.substr(i, len));
        }
        i += len;
    }
}

}  // namespace massho::records
