#include "massho/image/byte_source.h"

#include "massho/image/errors.h"

namespace massho::image {

size_t ByteSource::readFull(std::span<uint8_t> out) {
    size_t done = 0;
    if (!out.empty() && lookahead_) {
        out[0] = *lookahead_;
        lookahead_.reset();
        done = 1;
    }
    while (done < out.size()) {
        size_t n = readSome(out.subspan(done));
        if (n == 0) break;
        done += n;
    }
    return done;
}

std::optional<uint8_t> ByteSource::readByte() {
    uint8_t b = 0;
    if (readFull(std::span<uint8_t>(&b, 1)) == 0) return std::nullopt;
    return b;
}

bool ByteSource::atEnd() {
    if (lookahead_) return false;
    lookahead_ = readByte();
    return !lookahead_.has_value();
}

size_t IstreamSource::readSome(std::span<uint8_t> out) {
    if (out.empty()) return 0;
    in_.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size()));
    if (in_.bad()) throw IoError("reading the encrypted input failed; check the medium or file");
    return static_cast<size_t>(in_.gcount());
}

}  // namespace massho::image
