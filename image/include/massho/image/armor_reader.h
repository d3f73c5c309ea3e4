#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <string>

#include "massho/image/byte_source.h"

namespace massho::image {

// Decodes the age ASCII armor (c2sp.org/age "ASCII armor": strict PEM, RFC 7468 §3) while
// reading: "-----BEGIN AGE ENCRYPTED FILE-----", lines of exactly 64 columns of padded canonical
// base64 except a shorter final one, "-----END AGE ENCRYPTED FILE-----". LF or CRLF line ends;
// whitespace-only lines before and whitespace after the armor are tolerated (bounded); no
// headers, no empty or space-padded lines. Malformed armor throws ArmorError.
class ArmorSource : public ByteSource {
  public:
    explicit ArmorSource(std::istream& in) : in_(in) {}

    static constexpr std::string_view kBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
    static constexpr std::string_view kEnd = "-----END AGE ENCRYPTED FILE-----";

  protected:
    size_t readSome(std::span<uint8_t> out) override;

  private:
    struct Line {
        std::string text;    // without the LF / CRLF
        bool ended = false;  // the input ended before any byte of this line
    };
    Line nextLine();
    void skipToBegin();
    void decodeNextLine();
    void requireOnlyWhitespaceAfter();

    std::istream& in_;
    bool started_ = false;
    bool finished_ = false;
    std::array<uint8_t, 48> decoded_{};
    size_t decodedSize_ = 0;
    size_t decodedPos_ = 0;
};

}  // namespace massho::image
