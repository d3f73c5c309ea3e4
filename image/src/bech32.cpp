#include "massho/image/bech32.h"

#include <openssl/crypto.h>

#include <array>
#include <cctype>

#include "massho/image/errors.h"

namespace massho::image::bech32 {
namespace {

constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr size_t kChecksumLength = 6;
constexpr size_t kMaxLength = 1024;  // bounded input; age keys are well below this

// BIP 173 "Checksum": the BCH code over GF(32).
uint32_t polymod(std::span<const uint8_t> values) {
    constexpr std::array<uint32_t, 5> kGen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                              0x2a1462b3};
    uint32_t chk = 1;
    for (uint8_t v : values) {
        uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (size_t i = 0; i < kGen.size(); ++i)
            if ((top >> i) & 1) chk ^= kGen[i];
    }
    return chk;
}

std::vector<uint8_t> expandHrp(std::string_view hrp) {
    std::vector<uint8_t> out;
    for (char c : hrp) out.push_back(static_cast<uint8_t>(std::tolower(c)) >> 5);
    out.push_back(0);
    for (char c : hrp) out.push_back(static_cast<uint8_t>(std::tolower(c)) & 31);
    return out;
}

// Regroups bits (BIP 173 reference "convertbits"); strict: no leftover non-zero padding.
std::vector<uint8_t> convertBits(std::span<const uint8_t> in, int from, int to, bool pad) {
    std::vector<uint8_t> out;
    uint32_t acc = 0;
    int bits = 0;
    const uint32_t maxValue = (1u << to) - 1;
    for (uint8_t v : in) {
        acc = (acc << from) | v;
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.push_back(static_cast<uint8_t>((acc >> bits) & maxValue));
        }
        acc &= (1u << bits) - 1;
    }
    if (pad) {
        if (bits > 0) out.push_back(static_cast<uint8_t>((acc << (to - bits)) & maxValue));
    } else if (bits >= from || acc != 0) {
        throw KeyFormatError("Bech32 data has invalid padding; check the key was copied whole");
    }
    return out;
}

}  // namespace

Decoded decode(std::string_view text) {
    if (text.size() > kMaxLength) throw KeyFormatError("key string is too long");
    bool lower = false, upper = false;
    for (char c : text) {
        if (c < 33 || c > 126) throw KeyFormatError("key contains a character outside ASCII");
        lower |= std::islower(static_cast<unsigned char>(c)) != 0;
        upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    if (lower && upper) throw KeyFormatError("key mixes upper and lower case; Bech32 forbids it");
    size_t sep = text.rfind('1');
    if (sep == std::string_view::npos || sep == 0 || sep + 1 + kChecksumLength > text.size())
        throw KeyFormatError("key is not Bech32 (separator '1' or checksum missing)");
    std::vector<uint8_t> values;
    for (char c : text.substr(sep + 1)) {
        size_t v = kCharset.find(static_cast<char>(std::tolower(c)));
        if (v == std::string_view::npos)
            throw KeyFormatError("key contains a character Bech32 does not use");
        values.push_back(static_cast<uint8_t>(v));
    }
    std::string_view hrp = text.substr(0, sep);
    std::vector<uint8_t> check = expandHrp(hrp);
    check.insert(check.end(), values.begin(), values.end());
    if (polymod(check) != 1)
        throw KeyFormatError("key checksum does not match; the key was mistyped or damaged");
    values.resize(values.size() - kChecksumLength);
    Decoded decoded{std::string(hrp), convertBits(values, 5, 8, false)};
    // The data may be a secret key: leave no copy of it behind.
    OPENSSL_cleanse(values.data(), values.size());
    OPENSSL_cleanse(check.data(), check.size());
    return decoded;
}

std::string encode(std::string_view hrp, std::span<const uint8_t> data) {
    std::vector<uint8_t> values = convertBits(data, 8, 5, true);
    std::vector<uint8_t> check = expandHrp(hrp);
    check.insert(check.end(), values.begin(), values.end());
    check.insert(check.end(), kChecksumLength, 0);
    uint32_t mod = polymod(check) ^ 1;
    for (size_t i = 0; i < kChecksumLength; ++i)
        values.push_back(static_cast<uint8_t>((mod >> (5 * (5 - i))) & 31));
    bool upper = !hrp.empty() && std::isupper(static_cast<unsigned char>(hrp[0])) != 0;
    std::string out(hrp);
    out += '1';
    for (uint8_t v : values) {
        char c = kCharset[v];
        out += upper ? static_cast<char>(std::toupper(c)) : c;
    }
    OPENSSL_cleanse(values.data(), values.size());
    OPENSSL_cleanse(check.data(), check.size());
    return out;
}

}  // namespace massho::image::bech32
