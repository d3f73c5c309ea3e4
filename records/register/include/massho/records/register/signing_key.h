#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace massho::records {

struct EvpPkeyDeleter {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};

// Signature algorithm bytes of C2SP signed-note key IDs: 0x01 Ed25519 note keys,
// 0x04 Ed25519 witness cosignature keys (tlog-cosignature v1).
inline constexpr unsigned char kNoteKeyType = 0x01;
inline constexpr unsigned char kCosignatureKeyType = 0x04;

// Key ID = first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ 32-byte public key) (C2SP signed-note).
std::string noteKeyId(std::string_view name, unsigned char type, std::string_view publicKey);
// Key names: non-empty, printable ASCII without spaces or '+', at most 128 bytes.
bool isValidKeyName(std::string_view name);

// A public Ed25519 key with its signed-note name, parsed from a verifier key string
// `<name>+<hex8 key ID>+<base64(type ‖ 32-byte public key)>`.
class VerifierKey {
  public:
    static VerifierKey parse(std::string_view vkey);
    VerifierKey(std::string name, unsigned char type, std::string publicKey);

    const std::string& name() const { return name_; }
    unsigned char type() const { return type_; }
    const std::string& publicKey() const { return publicKey_; }  // 32 raw bytes
    const std::string& keyId() const { return keyId_; }          // 4 raw bytes
    std::string vkey() const;

    // Ed25519 verification of a 64-byte signature over `message`.
    bool verify(std::string_view message, std::string_view signature) const;

  private:
    std::string name_;
    unsigned char type_;
    std::string publicKey_;
    std::string keyId_;
    std::shared_ptr<EVP_PKEY> pkey_;
};

// An Ed25519 private key with its signed-note name (the log origin, or a witness name).
// The key file holds the signed-note private key string
// `PRIVATE+KEY+<name>+<hex8>+<base64(type ‖ 32-byte seed)>` (golang.org/x/mod/sumdb/note).
class SigningKey {
  public:
    static SigningKey generate(std::string name, unsigned char type = kNoteKeyType);
    static SigningKey fromSeed(std::string name, std::string_view seed,
                               unsigned char type = kNoteKeyType);
    static SigningKey fromPrivateKeyString(std::string_view skey);
    // Refuses a file readable or writable by group or others.
    static SigningKey load(const std::filesystem::path& file);

    SigningKey(SigningKey&&) noexcept = default;
    SigningKey& operator=(SigningKey&&) noexcept = default;
    ~SigningKey() = default;

    // Creates the file with mode 0600 (O_CREAT|O_EXCL: never overwrites) and fsyncs it.
    void save(const std::filesystem::path& file) const;

    const std::string& name() const { return name_; }
    unsigned char type() const { return type_; }
    std::string publicKey() const;  // 32 raw bytes
    std::string keyId() const;      // 4 raw bytes
    std::string vkey() const;
    VerifierKey verifierKey() const;

    // 64-byte Ed25519 signature; verified before it is returned.
    std::string sign(std::string_view message) const;

  private:
    SigningKey(std::string name, unsigned char type,
               std::unique_ptr<EVP_PKEY, EvpPkeyDeleter> pkey);
    std::string privateKeyString() const;

    std::string name_;
    unsigned char type_;
    std::unique_ptr<EVP_PKEY, EvpPkeyDeleter> pkey_;
    std::shared_ptr<const VerifierKey> verifier_;  // for the check after every signature
};

}  // namespace massho::records
