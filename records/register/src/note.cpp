#include "massho/records/register/note.h"

#include <array>
#include <cstdint>
#include <optional>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/decimal.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

constexpr std::string_view kDash = "\xe2\x80\x94 ";  // U+2014 EM DASH and a space
constexpr size_t kMaxNoteBytes = 1 << 20;
constexpr size_t kMaxSignatures = 100;
constexpr std::string_view kCosignaturePrefix = "cosignature/v1\ntime ";

[[noreturn]] void fail(const std::string& what) {
    throw NoteFormatError("signed note is malformed: " + what);
}

std::string bigEndian64(uint64_t v) {
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i, v >>= 8) out[static_cast<size_t>(i)] = static_cast<char>(v & 0xff);
    return out;
}

uint64_t readBigEndian64(std::string_view s) {
    uint64_t v = 0;
    for (char c : s.substr(0, 8)) v = (v << 8) | static_cast<unsigned char>(c);
    return v;
}

std::string cosignedMessage(std::string_view body, uint64_t time) {
    return std::string(kCosignaturePrefix) + std::to_string(time) + "\n" + std::string(body);
}

}  // namespace

std::string SignedNote::text() const {
    std::string out = body + "\n";
    for (const auto& s : signatures) out += signatureLine(s.keyName, s.keyId + s.payload);
    return out;
}

bool SignedNote::hasSignatureLineFor(const VerifierKey& key) const {
    for (const auto& s : signatures)
        if (s.keyName == key.name() && s.keyId == key.keyId()) return true;
    return false;
}

bool SignedNote::signedBy(const VerifierKey& key) const {
    if (key.type() == kCosignatureKeyType) return verifyCosignature(*this, key).has_value();
    for (const auto& s : signatures)
        if (s.keyName == key.name() && s.keyId == key.keyId() && key.verify(body, s.payload))
            return true;
    return false;
}

namespace {

// The checks parseNote makes on the whole text: its size and no control characters.
void checkNoteText(std::string_view text) {
    if (text.size() > kMaxNoteBytes) fail("larger than 1 MiB");
    bool control = false;  // no early exit: the loop vectorises, and failing is rare
    for (unsigned char c : text) control |= (c < 0x20 && c != '\n') || c == 0x7f;
    if (control) fail("it contains a control character");
}

// The size base::base64::decode would return for `text`, without decoding (no allocation):
// the same one canonical encoding, i.e. what EVP_EncodeBlock writes (RFC 4648 §4, padded, pad
// bits zero).
std::optional<size_t> canonicalBase64Size(std::string_view text) {
    // Each character's 6-bit value, or -1 outside the alphabet: one lookup per character.
    static constexpr auto kValue = [] {
        std::array<int8_t, 256> v{};
        v.fill(-1);
        const std::string_view alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (size_t i = 0; i < alphabet.size(); ++i)
            v[static_cast<unsigned char>(alphabet[i])] = static_cast<int8_t>(i);
        return v;
    }();
    auto value = [&](char c) { return kValue[static_cast<unsigned char>(c)]; };
    if (text.size() % 4 != 0) return std::nullopt;
    const size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
    const size_t data = text.size() - padding;
    int8_t any = 0;
    for (size_t i = 0; i < data; ++i) any |= value(text[i]);  // negative if any is -1
    if (any < 0) return std::nullopt;
    // The bits after the last byte must be zero: 4 of the last character before "==", 2 before "=".
    if (padding > 0 && (data == 0 || (value(text[data - 1]) & (padding == 2 ? 0x0f : 0x03)) != 0))
        return std::nullopt;
    return text.size() / 4 * 3 - padding;
}

// Walks the signature lines after the blank line, calling onSignature(name, encoded) for each
// after checking its base64 is canonical and holds a key ID and at least one byte.
template <class OnSignature>
void walkSignatureLines(std::string_view rest, OnSignature onSignature) {
    if (rest.empty() || rest.back() != '\n')
        fail("the last signature line does not end in a newline");
    size_t count = 0;
    while (!rest.empty()) {
        size_t eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        rest.remove_prefix(eol + 1);
        if (!line.starts_with(kDash)) fail("a signature line does not start with \"— \"");
        line.remove_prefix(kDash.size());
        size_t space = line.find(' ');
        if (space == std::string_view::npos || space == 0) fail("a signature line has no key name");
        const std::string_view encoded = line.substr(space + 1);
        const auto size = canonicalBase64Size(encoded);
        if (!size || *size < 5) fail("a signature is not valid base64");
        if (++count > kMaxSignatures) fail("more than 100 signatures");
        onSignature(line.substr(0, space), encoded);
    }
}

}  // namespace

SignedNote parseNote(std::string_view text) {
    checkNoteText(text);
    size_t split = text.rfind("\n\n");
    if (split == std::string_view::npos) fail("no blank line before the signatures");
    SignedNote note;
    note.body = std::string(text.substr(0, split + 1));
    walkSignatureLines(text.substr(split + 2), [&](std::string_view name,
                                                   std::string_view encoded) {
        const auto decoded = base::base64::decode(encoded);
        if (!decoded || decoded->size() < 5) fail("a signature is not valid base64");
        note.signatures.push_back({std::string(name), decoded->substr(0, 4), decoded->substr(4)});
    });
    return note;
}

bool isNoteWithBody(std::string_view text, std::string_view body) {
    // parseNote splits at the last blank line: after `body` when no signature line is empty,
    // which walkSignatureLines requires.
    if (body.empty() || body.back() != '\n' || text.size() <= body.size() ||
        !text.starts_with(body) || text[body.size()] != '\n')
        return false;
    try {
        checkNoteText(text);
        walkSignatureLines(text.substr(body.size() + 1), [](std::string_view, std::string_view) {});
    } catch (const NoteFormatError&) {
        return false;
    }
    return true;
}

std::string signatureLine(std::string_view keyName, std::string_view keyIdAndPayload) {
    return std::string(kDash) + std::string(keyName) + " " + base::base64::encode(keyIdAndPayload) +
           "\n";
}

std::string signNote(std::string_view body, const SigningKey& key) {
    if (body.empty() || body.back() != '\n')
        throw NoteFormatError("a note body must end in a newline");
    return std::string(body) + "\n" + signatureLine(key.name(), key.keyId() + key.sign(body));
}

std::string addSignatureLine(std::string_view noteText, std::string_view line) {
    return std::string(noteText) + std::string(line);
}

std::string Checkpoint::body() const {
    std::string out =
        origin + "\n" + std::to_string(size) + "\n" + base::base64::encode(hashView(root)) + "\n";
    for (const auto& e : extensions) out += e + "\n";
    return out;
}

Checkpoint Checkpoint::parse(std::string_view body) {
    // C2SP tlog-checkpoint v1.0.0 §"Note text".
    std::vector<std::string_view> lines;
    if (body.empty() || body.back() != '\n')
        throw NoteFormatError("checkpoint body does not end in a newline");
    for (std::string_view rest = body; !rest.empty();) {
        size_t eol = rest.find('\n');
        lines.push_back(rest.substr(0, eol));
        rest.remove_prefix(eol + 1);
    }
    if (lines.size() < 3) throw NoteFormatError("checkpoint has fewer than three lines");
    Checkpoint c;
    c.origin = std::string(lines[0]);
    if (c.origin.empty()) throw NoteFormatError("checkpoint has an empty origin line");
    const auto size = parseDecimal(lines[1]);
    if (!size)
        throw NoteFormatError("checkpoint tree size is not a decimal number without leading zeros");
    c.size = *size;
    auto root = base::base64::decode(lines[2]);
    if (!root || root->size() != 32)
        throw NoteFormatError("checkpoint root is not a base64 SHA-256 hash");
    c.root = hashFromBytes(*root);
    for (size_t i = 3; i < lines.size(); ++i) {
        if (lines[i].empty()) throw NoteFormatError("checkpoint has an empty extension line");
        c.extensions.emplace_back(lines[i]);
    }
    return c;
}

std::string cosignatureLine(std::string_view checkpointBody, const SigningKey& witnessKey,
                            uint64_t unixTime) {
    if (witnessKey.type() != kCosignatureKeyType)
        throw KeyError("witness key \"" + witnessKey.name() +
                       "\" is not a cosignature (type 4) key");
    std::string sig = witnessKey.sign(cosignedMessage(checkpointBody, unixTime));
    return signatureLine(witnessKey.name(), witnessKey.keyId() + bigEndian64(unixTime) + sig);
}

std::optional<uint64_t> verifyCosignature(const SignedNote& note, const VerifierKey& witnessKey) {
    if (witnessKey.type() != kCosignatureKeyType) return std::nullopt;
    for (const auto& s : note.signatures) {
        if (s.keyName != witnessKey.name() || s.keyId != witnessKey.keyId() ||
            s.payload.size() != 72)
            continue;
        uint64_t time = readBigEndian64(s.payload);
        if (witnessKey.verify(cosignedMessage(note.body, time), s.payload.substr(8))) return time;
    }
    return std::nullopt;
}

}  // namespace massho::records
