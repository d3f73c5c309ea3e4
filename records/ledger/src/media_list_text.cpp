#include "massho/records/ledger/media_list_text.h"

#include "massho/records/register/errors.h"
#include "massho/records/register/text_field.h"

namespace massho::records {
namespace {

constexpr size_t kBlock = 1 << 16;

// Recorded text escaped for a terminal, then padded with spaces to `width` bytes as printf's
// "%-Ns" pads (the format these lines had when they were printed one by one).
void appendPadded(std::string& out, std::string_view text, size_t width) {
    const size_t start = out.size();
    appendEscapedForDisplay(out, text);
    const size_t written = out.size() - start;
    if (written < width) out.append(width - written, ' ');
}

void writeBlock(std::FILE* out, std::string& block) {
    if (!block.empty() && std::fwrite(block.data(), 1, block.size(), out) != block.size())
        throw StoreError("cannot write the media list: the output refused it");
    block.clear();
}

}  // namespace

void appendMediumLine(std::string& out, const MediumLine& m) {
    appendPadded(out, m.tag, 16);
    out += " class ";
    out += std::to_string(m.infoClass);
    out += m.myNumber ? " MyNo  " : "       ";
    appendPadded(out, m.mediaType, 11);
    out += ' ';
    const std::string_view state = toString(m.state);
    out += state;
    if (state.size() < 12) out.append(12 - state.size(), ' ');
    out += ' ';
    appendEscapedForDisplay(out, m.serial);
    out += ' ';
    appendEscapedForDisplay(out, m.location);
    out += '\n';
}

MediumLine listedLine(const Medium& m) {
    return {m.tag, m.infoClass, m.myNumber, m.mediaType, m.state, m.serial, m.location};
}

size_t writeMediaList(const MediaLedger& ledger, std::optional<MediaState> state, std::FILE* out) {
    std::string block;
    block.reserve(kBlock + 4096);
    size_t count = 0;
    ledger.forEachListed(state, [&](const MediumLine& line) {
        appendMediumLine(block, line);
        ++count;
        if (block.size() >= kBlock) writeBlock(out, block);
    });
    writeBlock(out, block);
    return count;
}

}  // namespace massho::records
