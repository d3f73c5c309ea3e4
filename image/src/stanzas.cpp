#include "stanzas.h"

#include <array>
#include <string>
#include <string_view>

#include "massho/base/base64.h"
#include "massho/image/errors.h"
#include "massho/image/primitives.h"

namespace massho::image::stanzas {
namespace {

namespace p = primitives;

constexpr std::string_view kX25519Type = "X25519";
constexpr std::string_view kScryptType = "scrypt";
constexpr std::string_view kX25519Label = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr size_t kScryptSaltSize = 16;
constexpr size_t kWrappedKeySize = kFileKeySize + p::kPoly1305TagSize;

std::span<const uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// Stanza bodies are sealed with an all-zero nonce: each wrap key is used exactly once.
const std::array<uint8_t, p::kChaChaNonceSize> kZeroNonce{};

std::vector<uint8_t> sealFileKey(const SecretBytes& wrapKey, const SecretBytes& fileKey) {
    return p::chachaSeal(wrapKey.span(), kZeroNonce, fileKey.span());
}

std::optional<SecretBytes> openFileKey(const SecretBytes& wrapKey, const Stanza& stanza) {
    SecretBytes fileKey(kFileKeySize);
    if (!p::chachaOpenInto(wrapKey.span(), kZeroNonce, stanza.body, fileKey.span()))
        return std::nullopt;
    return fileKey;
}

// X25519 wrap key: HKDF(shared, salt = ephemeral share ‖ recipient key, info = label).
SecretBytes x25519WrapKey(const SecretBytes& shared, std::span<const uint8_t> share,
                          std::span<const uint8_t> recipientKey) {
    std::vector<uint8_t> salt(share.begin(), share.end());
    salt.insert(salt.end(), recipientKey.begin(), recipientKey.end());
    return p::hkdfSha256(shared.span(), salt, bytesOf(kX25519Label), p::kChaChaKeySize);
}

SecretBytes scryptWrapKey(const SecretBytes& passphrase, std::span<const uint8_t> salt, int logN) {
    std::vector<uint8_t> fullSalt(kScryptLabel.begin(), kScryptLabel.end());
    fullSalt.insert(fullSalt.end(), salt.begin(), salt.end());
    return p::scrypt(passphrase.span(), fullSalt, logN, 8, 1, p::kChaChaKeySize);
}

// The work factor argument: decimal, no sign, no leading zero (c2sp.org/age scrypt stanza).
int parseLogN(const std::string& arg, int maxLogN) {
    bool digits = !arg.empty() && arg.size() <= 9 &&
                  arg.find_first_not_of("0123456789") == std::string::npos && arg[0] != '0';
    if (!digits) throw HeaderError("scrypt work factor is not a positive decimal number");
    int logN = std::stoi(arg);
    if (logN > maxLogN)
        throw HeaderError("scrypt work factor " + arg + " exceeds the limit of " +
                          std::to_string(maxLogN) + "; refusing the expensive computation");
    return logN;
}

std::optional<SecretBytes> unwrapOneX25519(const Stanza& stanza, const X25519Identity& identity,
                                           std::span<const uint8_t> ownKey) {
    if (stanza.args.size() != 1) throw HeaderError("X25519 stanza must have exactly one argument");
    auto share = base::base64::decodeUnpadded(stanza.args[0]);
    if (!share || share->size() != p::kX25519KeySize)
        throw HeaderError("X25519 share is not 32 bytes of canonical base64");
    if (stanza.body.size() != kWrappedKeySize)
        throw HeaderError("X25519 stanza body is not a wrapped 16-byte file key");
    auto shared = p::x25519SharedSecret(identity.secret().span(), *share);
    if (!shared) throw HeaderError("X25519 share is a low-order point (all-zero shared secret)");
    return openFileKey(x25519WrapKey(*shared, *share, ownKey), stanza);
}

}  // namespace

Stanza wrapX25519(const SecretBytes& fileKey, const X25519Recipient& recipient) {
    X25519Identity ephemeral = X25519Identity::generate();
    auto share = p::x25519PublicKey(ephemeral.secret().span());
    auto shared = p::x25519SharedSecret(ephemeral.secret().span(), recipient.bytes());
    if (!shared) throw HeaderError("recipient key is a low-order point; it cannot receive files");
    Stanza stanza;
    stanza.type = kX25519Type;
    stanza.args.push_back(base::base64::encodeUnpadded(share));
    stanza.body = sealFileKey(x25519WrapKey(*shared, share, recipient.bytes()), fileKey);
    return stanza;
}

Stanza wrapScrypt(const SecretBytes& fileKey, const SecretBytes& passphrase, int logN) {
    std::array<uint8_t, kScryptSaltSize> salt{};
    p::randomBytes(salt);
    Stanza stanza;
    stanza.type = kScryptType;
    stanza.args = {base::base64::encodeUnpadded(salt), std::to_string(logN)};
    stanza.body = sealFileKey(scryptWrapKey(passphrase, salt, logN), fileKey);
    return stanza;
}

std::optional<SecretBytes> unwrapX25519(const std::vector<Stanza>& stanzas,
                                        const X25519Identity& identity) {
    auto ownKey = p::x25519PublicKey(identity.secret().span());
    for (const auto& stanza : stanzas) {
        if (stanza.type != kX25519Type) continue;
        if (auto fileKey = unwrapOneX25519(stanza, identity, ownKey)) return fileKey;
    }
    return std::nullopt;
}

std::optional<SecretBytes> unwrapScrypt(const std::vector<Stanza>& stanzas,
                                        const SecretBytes& passphrase, int maxLogN) {
    for (const auto& stanza : stanzas) {
        if (stanza.type != kScryptType) continue;
        if (stanza.args.size() != 2) throw HeaderError("scrypt stanza must have two arguments");
        auto salt = base::base64::decodeUnpadded(stanza.args[0]);
        if (!salt || salt->size() != kScryptSaltSize)
            throw HeaderError("scrypt salt is not 16 bytes of canonical base64");
        int logN = parseLogN(stanza.args[1], maxLogN);
        if (stanza.body.size() != kWrappedKeySize)
            throw HeaderError("scrypt stanza body is not a wrapped 16-byte file key");
        if (auto fileKey = openFileKey(scryptWrapKey(passphrase, *salt, logN), stanza))
            return fileKey;
    }
    return std::nullopt;
}

}  // namespace massho::image::stanzas
