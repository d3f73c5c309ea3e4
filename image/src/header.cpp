#include "massho/image/header.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "massho/base/base64.h"
#include "massho/image/errors.h"

namespace massho::image {
namespace {

constexpr std::string_view kVersionLine = "age-encryption.org/v1";
constexpr std::string_view kStanzaPrefix = "-> ";
constexpr std::string_view kMacPrefix = "---";
constexpr size_t kColumnsPerLine = 64;
constexpr size_t kMacSize = 32;

class LineReader {
  public:
    LineReader(ByteSource& in, const HeaderLimits& limits) : in_(in), limits_(limits) {}

    // One line without its '\n'; every header line must end in '\n'.
    std::string next() {
        std::string line;
        for (;;) {
            std::optional<uint8_t> c = in_.readByte();
            if (!c)
                throw HeaderError(raw_.empty() ? "file is empty; it is not an age file"
                                               : "header ends before its MAC line");
            raw_ += static_cast<char>(*c);
            if (raw_.size() > limits_.maxBytes) throw HeaderError("header exceeds the size limit");
            if (*c == '\n') return line;
            line += static_cast<char>(*c);
            if (line.size() > limits_.maxLineBytes)
                throw HeaderError("header line exceeds the length limit");
        }
    }
    const std::string& raw() const { return raw_; }

  private:
    ByteSource& in_;
    const HeaderLimits& limits_;
    std::string raw_;
};

std::vector<std::string> splitOnSpace(std::string_view text) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        size_t end = text.find(' ', start);
        parts.emplace_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

Stanza parseStanzaLine(std::string_view line) {
    std::vector<std::string> parts = splitOnSpace(line.substr(kStanzaPrefix.size()));
    for (const auto& part : parts)
        if (!isValidStanzaArgument(part))
            throw HeaderError("stanza has an empty argument or a forbidden character");
    Stanza stanza;
    stanza.type = parts.front();
    stanza.args.assign(parts.begin() + 1, parts.end());
    return stanza;
}

// Body lines: full 64-column lines, then exactly one shorter (possibly empty) final line.
void readStanzaBody(LineReader& lines, Stanza& stanza) {
    for (;;) {
        std::string line = lines.next();
        if (line.size() > kColumnsPerLine) throw HeaderError("stanza body line exceeds 64 columns");
        auto bytes = base::base64::decodeUnpadded(line);
        if (!bytes) throw HeaderError("stanza body is not canonical unpadded base64");
        stanza.body.insert(stanza.body.end(), bytes->begin(), bytes->end());
        if (line.size() < kColumnsPerLine) return;
    }
}

std::array<uint8_t, kMacSize> parseMacLine(std::string_view line) {
    // "--- " followed by exactly one argument: the MAC in canonical unpadded base64.
    if (line.size() < kMacPrefix.size() + 1 || line[kMacPrefix.size()] != ' ')
        throw HeaderError("MAC line must be \"--- \" followed by the MAC");
    std::string_view encoded = line.substr(kMacPrefix.size() + 1);
    auto mac = base::base64::decodeUnpadded(encoded);
    if (!mac || mac->size() != kMacSize)
        throw HeaderError("MAC is not 32 bytes of canonical unpadded base64");
    std::array<uint8_t, kMacSize> out{};
    std::copy(mac->begin(), mac->end(), out.begin());
    return out;
}

}  // namespace

bool isValidStanzaArgument(const std::string& arg) {
    if (arg.empty()) return false;
    return std::all_of(arg.begin(), arg.end(), [](char c) { return c >= 33 && c <= 126; });
}

Header readHeader(std::istream& in, const HeaderLimits& limits) {
    IstreamSource source(in);
    return readHeader(source, limits);
}

Header readHeader(ByteSource& in, const HeaderLimits& limits) {
    LineReader lines(in, limits);
    if (lines.next() != kVersionLine)
        throw HeaderError("unsupported version line; expected \"age-encryption.org/v1\"");
    Header header;
    for (;;) {
        std::string line = lines.next();
        if (line.starts_with(kMacPrefix) && !line.starts_with(kStanzaPrefix)) {
            if (header.stanzas.empty()) throw HeaderError("header has no recipient stanza");
            // The MAC covers the header up to and including "---", not the space after it.
            size_t macLineStart = lines.raw().size() - line.size() - 1;
            header.macInput = lines.raw().substr(0, macLineStart + kMacPrefix.size());
            header.mac = parseMacLine(line);
            return header;
        }
        if (!line.starts_with(kStanzaPrefix))
            throw HeaderError("line is neither a stanza (\"-> \") nor the MAC line (\"--- \")");
        if (header.stanzas.size() >= limits.maxStanzas)
            throw HeaderError("header has more stanzas than the limit");
        Stanza stanza = parseStanzaLine(line);
        readStanzaBody(lines, stanza);
        header.stanzas.push_back(std::move(stanza));
    }
}

std::string encodeStanza(const Stanza& stanza) {
    std::string out(kStanzaPrefix);
    out += stanza.type;
    for (const auto& arg : stanza.args) out += ' ' + arg;
    out += '\n';
    std::string body = base::base64::encodeUnpadded(stanza.body);
    for (size_t i = 0; i < body.size(); i += kColumnsPerLine)
        out += body.substr(i, kColumnsPerLine) + '\n';
    // A body whose encoding fills whole lines still needs its short (empty) final line.
    if (body.size() % kColumnsPerLine == 0) out += '\n';
    return out;
}

std::string encodeHeaderForMac(const std::vector<Stanza>& stanzas) {
    std::string out(kVersionLine);
    out += '\n';
    for (const auto& stanza : stanzas) out += encodeStanza(stanza);
    out += kMacPrefix;
    return out;
}

}  // namespace massho::image
