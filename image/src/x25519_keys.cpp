#include "massho/image/x25519_keys.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cstdio>

#include "massho/image/bech32.h"
#include "massho/image/errors.h"
#include "massho/image/primitives.h"

namespace massho::image {
namespace {

constexpr std::string_view kRecipientHrp = "age";
constexpr std::string_view kIdentityHrp = "AGE-SECRET-KEY-";

}  // namespace

X25519Recipient X25519Recipient::parse(std::string_view age1) {
    bech32::Decoded decoded = bech32::decode(age1);
    if (decoded.hrp != kRecipientHrp)
        throw KeyFormatError("recipient must start with \"age1\" (lower case)");
    if (decoded.data.size() != 32)
        throw KeyFormatError("recipient key is not 32 bytes; the key was truncated or padded");
    std::array<uint8_t, 32> key{};
    std::copy(decoded.data.begin(), decoded.data.end(), key.begin());
    return X25519Recipient(key);
}

X25519Recipient X25519Recipient::fromBytes(const std::array<uint8_t, 32>& publicKey) {
    return X25519Recipient(publicKey);
}

std::string X25519Recipient::toString() const {
    return bech32::encode(kRecipientHrp, key_);
}

std::string X25519Recipient::fingerprint() const {
    auto digest = primitives::sha256(key_);
    std::string hex;
    char buf[3];
    for (uint8_t b : digest) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        hex += buf;
    }
    return hex;
}

X25519Identity X25519Identity::generate() {
    SecretBytes secret(32);
    primitives::randomBytes(secret.span());
    return X25519Identity(std::move(secret));
}

X25519Identity X25519Identity::parse(std::string_view secretKey) {
    bech32::Decoded decoded = bech32::decode(secretKey);
    SecretBytes secret(decoded.data);
    OPENSSL_cleanse(decoded.data.data(), decoded.data.size());
    if (decoded.hrp != kIdentityHrp)
        throw KeyFormatError("identity must start with \"AGE-SECRET-KEY-1\" (upper case)");
    if (secret.size() != 32) throw KeyFormatError("identity key is not 32 bytes");
    return X25519Identity(std::move(secret));
}

std::string X25519Identity::toString() const {
    return bech32::encode(kIdentityHrp, secret_.span());
}

X25519Recipient X25519Identity::recipient() const {
    return X25519Recipient::fromBytes(primitives::x25519PublicKey(secret_.span()));
}

X25519Identity X25519Identity::clone() const {
    return X25519Identity(SecretBytes(secret_.span()));
}

}  // namespace massho::image
