#include "massho/base/base64.h"

#include <openssl/evp.h>

namespace massho::base::base64 {
namespace {

// Decoded text larger than this is refused (no format of ours comes near it).
constexpr size_t kMaxText = size_t{1} << 30;

const unsigned char* bytesOf(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytesOf(bytes),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<size_t>(n));
    return out;
}

std::optional<std::string> decode(std::string_view text) {
    if (text.size() % 4 != 0 || text.size() > kMaxText) return std::nullopt;
    if (text.empty()) return std::string();
    std::string out(text.size() / 4 * 3 + 1, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytesOf(text),
                                  static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    const size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
    out.resize(static_cast<size_t>(n) - padding);
    // EVP_DecodeBlock tolerates whitespace and non-zero pad bits: insist on the one encoding.
    if (encode(out) != text) return std::nullopt;
    return out;
}

std::string encodePadded(std::span<const uint8_t> bytes) {
    return encode({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

std::optional<std::vector<uint8_t>> decodePadded(std::string_view text) {
    const auto decoded = decode(text);
    if (!decoded) return std::nullopt;
    return std::vector<uint8_t>(decoded->begin(), decoded->end());
}

std::string encodeUnpadded(std::span<const uint8_t> bytes) {
    std::string text = encodePadded(bytes);
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

std::optional<std::vector<uint8_t>> decodeUnpadded(std::string_view text) {
    // A lone sixth bit (length ≡ 1 mod 4) encodes no byte; '=' belongs to the padded form.
    if (text.size() % 4 == 1 || text.find('=') != std::string_view::npos) return std::nullopt;
    if (text.size() > kMaxText) return std::nullopt;
    std::string padded(text);
    padded.append((4 - text.size() % 4) % 4, '=');
    return decodePadded(padded);
}

}  // namespace massho::base::base64
