#include "age_test_support.h"

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "massho/image/primitives.h"

namespace massho::image::test {

std::filesystem::path vectorsDir() {
    return MASSHO_TESTVECTORS_DIR;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string inflateZlib(const std::string& compressed) {
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) throw std::runtime_error("inflateInit failed");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    zs.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("zlib data is corrupt");
    return out;
}

std::string toHex(std::span<const uint8_t> bytes) {
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (uint8_t b : bytes) {
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    return hex;
}

std::vector<uint8_t> fromHex(const std::string& hex) {
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string sha256Hex(const std::string& bytes) {
    return toHex(primitives::sha256(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size())));
}

std::string randomText(size_t size) {
    std::string s(size, '\0');
    primitives::randomBytes(std::span<uint8_t>(reinterpret_cast<uint8_t*>(s.data()), s.size()));
    return s;
}

std::string decryptOutcome(const std::string& ciphertext, const DecryptionKeys& keys,
                           std::string& plaintext) {
    std::istringstream in(ciphertext);
    std::ostringstream out;
    std::string outcome;
    try {
        decrypt(in, out, keys);
        outcome = "success";
    } catch (const HeaderError&) {
        outcome = "header failure";
    } catch (const HmacError&) {
        outcome = "HMAC failure";
    } catch (const PayloadError&) {
        outcome = "payload failure";
    } catch (const NoIdentityMatchError&) {
        outcome = "no match";
    } catch (const ArmorError&) {
        outcome = "armor failure";
    } catch (const std::exception& e) {
        outcome = std::string("other: ") + e.what();
    }
    plaintext = out.str();
    return outcome;
}

}  // namespace massho::image::test
