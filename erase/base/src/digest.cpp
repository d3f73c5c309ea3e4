#include "massho/base/digest.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "massho/base/hex.h"

namespace massho::base {

Sha256 sha256(std::string_view bytes) {
    Sha256 digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
            1 ||
        length != digest.size())
        throw std::runtime_error("OpenSSL could not compute a SHA-256 digest");
    return digest;
}

std::string sha256Hex(std::string_view bytes) {
    return hexEncode(sha256(bytes));
}

}  // namespace massho::base
