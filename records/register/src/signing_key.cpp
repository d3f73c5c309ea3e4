#include "massho/records/register/signing_key.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "massho/base/base64.h"
#include "massho/base/digest.h"
#include "massho/base/hex.h"
#include "massho/base/openssl_ptr.h"
#include "massho/base/unique_fd.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/secret.h"

namespace massho::records {
namespace {

constexpr size_t kKeyBytes = 32;
constexpr size_t kSignatureBytes = 64;
constexpr size_t kMaxKeyFileBytes = 4096;
constexpr std::string_view kPrivatePrefix = "PRIVATE+KEY+";

std::string_view asChars(const unsigned char* p, size_t n) {
    return {reinterpret_cast<const char*>(p), n};
}

const unsigned char* asBytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

// Splits `text` at its first two '+' into name, hex key ID and base64 key: names contain no '+',
// but base64 may.
bool splitKeyString(std::string_view text, std::string_view& name, std::string_view& id,
                    std::string_view& key) {
    size_t first = text.find('+');
    if (first == std::string_view::npos) return false;
    size_t second = text.find('+', first + 1);
    if (second == std::string_view::npos) return false;
    name = text.substr(0, first);
    id = text.substr(first + 1, second - first - 1);
    key = text.substr(second + 1);
    return true;
}

std::string errnoText() {
    return std::strerror(errno);
}

}  // namespace

std::string noteKeyId(std::string_view name, unsigned char type, std::string_view publicKey) {
    std::string material(name);
    material.push_back('\n');
    material.push_back(static_cast<char>(type));
    material.append(publicKey);
    const base::Sha256 digest = base::sha256(material);
    return std::string(asChars(digest.data(), 4));
}

bool isValidKeyName(std::string_view name) {
    if (name.empty() || name.size() > 128) return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return c > 0x20 && c < 0x7f && c != '+'; });
}

// ---- VerifierKey ----

VerifierKey::VerifierKey(std::string name, unsigned char type, std::string publicKey)
    : name_(std::move(name)), type_(type), publicKey_(std::move(publicKey)) {
    if (!isValidKeyName(name_))
        throw KeyError("key name \"" + name_ + "\" is empty, too long or has spaces or '+'");
    if (publicKey_.size() != kKeyBytes) throw KeyError("an Ed25519 public key is 32 bytes");
    keyId_ = noteKeyId(name_, type_, publicKey_);
    EVP_PKEY* raw = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, asBytes(publicKey_),
                                                publicKey_.size());
    if (!raw) throw KeyError("OpenSSL refused the Ed25519 public key of \"" + name_ + "\"");
    pkey_.reset(raw, EVP_PKEY_free);
}

VerifierKey VerifierKey::parse(std::string_view vkey) {
    std::string_view name, id, key;
    // Never quotes the line: whatever was given by mistake (a private key, another file) must
    // not end up on a terminal or in a log.
    auto bad = [&](const std::string& why) {
        return KeyError("a verifier key line " + why +
                        ": expected NAME+HEX8+BASE64 as printed by massho init");
    };
    if (!splitKeyString(vkey, name, id, key)) throw bad("has not three '+'-separated parts");
    auto decoded = base::base64::decode(key);
    if (!decoded || decoded->size() != 1 + kKeyBytes) throw bad("has a bad base64 key");
    unsigned char type = static_cast<unsigned char>((*decoded)[0]);
    if (type != kNoteKeyType && type != kCosignatureKeyType)
        throw bad("is not an Ed25519 key (type byte " + std::to_string(type) + ")");
    if (!isValidKeyName(name)) throw bad("has an invalid name");
    VerifierKey result(std::string(name), type, decoded->substr(1));
    if (base::hexEncode(result.keyId()) != id)
        throw bad("has a key ID that does not match its key");
    return result;
}

std::string VerifierKey::vkey() const {
    std::string typed(1, static_cast<char>(type_));
    typed += publicKey_;
    return name_ + "+" + base::hexEncode(keyId_) + "+" + base::base64::encode(typed);
}

bool VerifierKey::verify(std::string_view message, std::string_view signature) const {
    if (signature.size() != kSignatureBytes) return false;
    base::MdCtxPtr ctx(EVP_MD_CTX_new());
    // Ed25519 in OpenSSL 3: digest must be NULL, one-shot only (EVP_SIGNATURE-ED25519(7)).
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey_.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), asBytes(signature), signature.size(), asBytes(message),
                            message.size()) == 1;
}

// ---- SigningKey ----

SigningKey::SigningKey(std::string name, unsigned char type,
                       std::unique_ptr<EVP_PKEY, EvpPkeyDeleter> pkey)
    : name_(std::move(name)), type_(type), pkey_(std::move(pkey)) {
    if (!isValidKeyName(name_))
        throw KeyError("key name \"" + name_ + "\" is empty, too long or has spaces or '+'");
    verifier_ = std::make_shared<const VerifierKey>(name_, type_, publicKey());
}

SigningKey SigningKey::generate(std::string name, unsigned char type) {
    base::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        throw KeyError("OpenSSL could not generate an Ed25519 key: check the OpenSSL install");
    return SigningKey(std::move(name), type, std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>(raw));
}

SigningKey SigningKey::fromSeed(std::string name, std::string_view seed, unsigned char type) {
    if (seed.size() != kKeyBytes) throw KeyError("an Ed25519 private key seed is 32 bytes");
    EVP_PKEY* raw =
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, asBytes(seed), seed.size());
    if (!raw) throw KeyError("OpenSSL refused the Ed25519 private key");
    return SigningKey(std::move(name), type, std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>(raw));
}

SigningKey SigningKey::fromPrivateKeyString(std::string_view skey) {
    // A fresh exception for each throw (a named one would be copied into the throw).
    auto bad = [] {
        return KeyError("private key is not PRIVATE+KEY+NAME+HEX8+BASE64: the key file is damaged");
    };
    if (!skey.starts_with(kPrivatePrefix)) throw bad();
    std::string_view name, id, key;
    if (!splitKeyString(skey.substr(kPrivatePrefix.size()), name, id, key)) throw bad();
    auto decodedRaw = base::base64::decode(key);
    if (!decodedRaw) throw bad();
    Secret decoded(*decodedRaw);
    OPENSSL_cleanse(decodedRaw->data(), decodedRaw->size());
    if (decoded.size() != 1 + kKeyBytes) throw bad();
    unsigned char type = static_cast<unsigned char>(decoded.view()[0]);
    if (type != kNoteKeyType && type != kCosignatureKeyType) throw bad();
    SigningKey result = fromSeed(std::string(name), decoded.view().substr(1), type);
    if (base::hexEncode(result.keyId()) != id)
        throw KeyError("private key's ID does not match its key: the key file is damaged");
    return result;
}

SigningKey SigningKey::load(const std::filesystem::path& file) {
    base::UniqueFd fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0)
        throw KeyError("cannot open signing key " + file.string() + ": " + errnoText());
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        throw KeyError("signing key " + file.string() + " is not a regular file");
    if ((st.st_mode & 077) != 0)
        throw KeyError("signing key " + file.string() +
                       " is accessible by group or others: chmod 600 it and check who copied it");
    if (st.st_size <= 0 || static_cast<size_t>(st.st_size) > kMaxKeyFileBytes)
        throw KeyError("signing key " + file.string() + " has an implausible size");
    Secret content;
    content.mutableValue().resize(static_cast<size_t>(st.st_size));
    ssize_t n = ::read(fd.get(), content.mutableValue().data(), content.size());
    if (n != st.st_size) throw KeyError("cannot read signing key " + file.string());
    std::string_view text = content.view();
    if (text.ends_with('\n')) text.remove_suffix(1);
    return fromPrivateKeyString(text);
}

std::string SigningKey::privateKeyString() const {
    unsigned char seed[kKeyBytes + 1];
    size_t len = kKeyBytes;
    seed[0] = type_;
    if (EVP_PKEY_get_raw_private_key(pkey_.get(), seed + 1, &len) != 1 || len != kKeyBytes)
        throw KeyError("OpenSSL could not export the Ed25519 private key");
    std::string encoded = base::base64::encode(asChars(seed, sizeof seed));
    OPENSSL_cleanse(seed, sizeof seed);
    std::string out =
        std::string(kPrivatePrefix) + name_ + "+" + base::hexEncode(keyId()) + "+" + encoded;
    OPENSSL_cleanse(encoded.data(), encoded.size());
    return out;
}

void SigningKey::save(const std::filesystem::path& file) const {
    Secret text(privateKeyString() + "\n");
    base::UniqueFd fd(
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
        if (errno == EEXIST)
            throw KeyError("signing key " + file.string() +
                           " already exists: refusing to overwrite a key");
        throw KeyError("cannot create signing key " + file.string() + ": " + errnoText());
    }
    // The umask cannot widen 0600, but an inherited ACL could: pin the mode explicitly.
    bool ok =
        ::fchmod(fd.get(), 0600) == 0 &&
        ::write(fd.get(), text.view().data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd.get()) == 0;
    if (!ok) {
        std::string reason = errnoText();
        ::unlink(file.c_str());
        throw KeyError("cannot write signing key " + file.string() + ": " + reason);
    }
}

std::string SigningKey::publicKey() const {
    unsigned char pub[kKeyBytes];
    size_t len = sizeof pub;
    if (EVP_PKEY_get_raw_public_key(pkey_.get(), pub, &len) != 1 || len != kKeyBytes)
        throw KeyError("OpenSSL could not export the Ed25519 public key");
    return std::string(asChars(pub, len));
}

std::string SigningKey::keyId() const {
    return verifier_->keyId();  // computed once: every checkpoint's signature line names it
}

std::string SigningKey::vkey() const {
    return verifierKey().vkey();
}

VerifierKey SigningKey::verifierKey() const {
    return VerifierKey(name_, type_, publicKey());
}

std::string SigningKey::sign(std::string_view message) const {
    base::MdCtxPtr ctx(EVP_MD_CTX_new());
    unsigned char sig[kSignatureBytes];
    size_t len = sizeof sig;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey_.get()) != 1 ||
        EVP_DigestSign(ctx.get(), sig, &len, asBytes(message), message.size()) != 1 ||
        len != kSignatureBytes)
        throw KeyError("OpenSSL could not sign with the Ed25519 key \"" + name_ + "\"");
    std::string signature(asChars(sig, len));
    // Sign, then verify before use: a fault during signing must not produce a stored bad signature.
    if (!verifier_->verify(message, signature))
        throw KeyError(
            "a fresh Ed25519 signature did not verify: the signing key or CPU is faulty");
    return signature;
}

}  // namespace massho::records
