#include "massho/image/armor_reader.h"

#include <algorithm>
#include <cstring>

#include "massho/base/base64.h"
#include "massho/image/errors.h"

namespace massho::image {
namespace {

constexpr size_t kColumnsPerLine = 64;
constexpr size_t kBytesPerLine = kColumnsPerLine / 4 * 3;
constexpr size_t kMaxLine = 128;         // longer than any valid line; bounds memory
constexpr size_t kMaxWhitespace = 1024;  // tolerated around the armor

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool allSpace(const std::string& s) {
    return std::all_of(s.begin(), s.end(), isSpace);
}

}  // namespace

ArmorSource::Line ArmorSource::nextLine() {
    Line line;
    std::streambuf* buf = in_.rdbuf();
    for (;;) {
        int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            line.ended = line.text.empty();
            break;
        }
        if (c == '\n') break;
        line.text += static_cast<char>(c);
        if (line.text.size() > kMaxLine) throw ArmorError("line is longer than 64 columns");
    }
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    return line;
}

void ArmorSource::skipToBegin() {
    size_t skipped = 0;
    for (;;) {
        Line line = nextLine();
        if (line.ended) throw ArmorError("no \"-----BEGIN AGE ENCRYPTED FILE-----\" line");
        if (allSpace(line.text)) {
            skipped += line.text.size() + 1;
            if (skipped > kMaxWhitespace) throw ArmorError("too much whitespace before the armor");
            continue;
        }
        if (line.text != kBegin)
            throw ArmorError(
                "input is neither an age file (\"age-encryption.org/v1\") nor armored age "
                "(\"-----BEGIN AGE ENCRYPTED FILE-----\")");
        started_ = true;
        return;
    }
}

void ArmorSource::requireOnlyWhitespaceAfter() {
    std::streambuf* buf = in_.rdbuf();
    for (size_t n = 0;; ++n) {
        int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) break;
        if (!isSpace(static_cast<char>(c))) throw ArmorError("data follows the END line");
        if (n >= kMaxWhitespace) throw ArmorError("too much whitespace after the armor");
    }
    finished_ = true;
}

void ArmorSource::decodeNextLine() {
    Line line = nextLine();
    if (line.ended) throw ArmorError("armor ends without its END line");
    if (line.text == kEnd) {
        requireOnlyWhitespaceAfter();
        return;
    }
    if (line.text.empty()) throw ArmorError("empty line inside the armor");
    if (line.text.size() > kColumnsPerLine) throw ArmorError("line is longer than 64 columns");
    auto bytes = base::base64::decodePadded(line.text);
    if (!bytes) throw ArmorError("line is not canonical padded base64");
    std::memcpy(decoded_.data(), bytes->data(), bytes->size());
    decodedSize_ = bytes->size();
    decodedPos_ = 0;
    if (decodedSize_ < kBytesPerLine) {
        // A short line is the last one: the END line must follow.
        Line end = nextLine();
        if (end.ended || end.text != kEnd)
            throw ArmorError("a short line must be followed by the END line");
        requireOnlyWhitespaceAfter();
    }
}

size_t ArmorSource::readSome(std::span<uint8_t> out) {
    if (!started_) skipToBegin();
    while (decodedPos_ == decodedSize_) {
        if (finished_) return 0;
        decodeNextLine();
    }
    size_t n = std::min(out.size(), decodedSize_ - decodedPos_);
    std::memcpy(out.data(), decoded_.data() + decodedPos_, n);
    decodedPos_ += n;
    return n;
}

}  // namespace massho::image
