#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "massho/image/secret_bytes.h"

namespace massho::image {

// A receiving office's public key: `age1…` (Bech32, HRP "age", 32-byte X25519 point).
class X25519Recipient {
  public:
    // Throws KeyFormatError for a bad checksum, wrong prefix, mixed case or wrong length.
    static X25519Recipient parse(std::string_view age1);
    static X25519Recipient fromBytes(const std::array<uint8_t, 32>& publicKey);

    std::string toString() const;  // age1… (lower case)
    // SHA-256 hex (lower case) of the 32 key bytes: what the register records.
    std::string fingerprint() const;
    const std::array<uint8_t, 32>& bytes() const { return key_; }

    bool operator==(const X25519Recipient&) const = default;

  private:
    explicit X25519Recipient(const std::array<uint8_t, 32>& key) : key_(key) {}
    std::array<uint8_t, 32> key_;
};

// A secret key: `AGE-SECRET-KEY-1…` (Bech32, upper case, 32-byte X25519 scalar). Wiped on
// destruction; never printed by the library.
class X25519Identity {
  public:
    static X25519Identity generate();
    // Throws KeyFormatError (never quoting the key) for anything but an upper case secret key.
    static X25519Identity parse(std::string_view secretKey);

    std::string toString() const;  // AGE-SECRET-KEY-1… (upper case); handle as a secret
    X25519Recipient recipient() const;
    const SecretBytes& secret() const { return secret_; }

    X25519Identity(X25519Identity&&) noexcept = default;
    X25519Identity& operator=(X25519Identity&&) noexcept = default;
    X25519Identity clone() const;

  private:
    explicit X25519Identity(SecretBytes secret) : secret_(std::move(secret)) {}
    SecretBytes secret_;
};

}  // namespace massho::image
