#pragma once

#include <stdexcept>
#include <string>

#include "massho/base/error.h"

namespace massho::image {

// Base of every age failure. Messages are one line and never contain a key or a passphrase.
class AgeError : public base::Error {
  public:
    explicit AgeError(const std::string& message)
        : base::Error(base::ErrorCategory::Failed, message) {}
};

// The header (version line, stanzas, MAC line, payload nonce) is malformed or violates a limit.
class HeaderError : public AgeError {
  public:
    explicit HeaderError(const std::string& what);
};

// A file key was unwrapped but the header MAC does not match: the header was altered.
class HmacError : public AgeError {
  public:
    explicit HmacError(const std::string& what);
};

// The header is fine but the encrypted payload does not decrypt all the way to its end.
class PayloadError : public AgeError {
  public:
    explicit PayloadError(const std::string& what);
};

// The header parsed, but none of the given identities or passphrases opens any stanza.
class NoIdentityMatchError : public AgeError {
  public:
    explicit NoIdentityMatchError(const std::string& what);
};

// The ASCII armor ("-----BEGIN AGE ENCRYPTED FILE-----") is malformed.
class ArmorError : public AgeError {
  public:
    explicit ArmorError(const std::string& what);
};

// A recipient or identity string (age1…, AGE-SECRET-KEY-1…) is not valid.
class KeyFormatError : public AgeError {
  public:
    explicit KeyFormatError(const std::string& what);
};

// Reading the input or writing the output failed (disk full, medium pulled, closed pipe).
class IoError : public AgeError {
  public:
    explicit IoError(const std::string& what);
};

// OpenSSL refused an operation that should not fail, or an argument is out of range.
class CryptoError : public AgeError {
  public:
    explicit CryptoError(const std::string& what);
};

}  // namespace massho::image
