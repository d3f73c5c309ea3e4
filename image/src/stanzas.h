#pragma once

// The two recipient types of age v1 (c2sp.org/age "X25519 recipient stanza" and "scrypt
// recipient stanza"): wrapping a file key into a stanza and unwrapping it again.

#include <optional>
#include <vector>

#include "massho/image/header.h"
#include "massho/image/secret_bytes.h"
#include "massho/image/x25519_keys.h"

namespace massho::image::stanzas {

constexpr size_t kFileKeySize = 16;

Stanza wrapX25519(const SecretBytes& fileKey, const X25519Recipient& recipient);
Stanza wrapScrypt(const SecretBytes& fileKey, const SecretBytes& passphrase, int logN);

// The file key if `identity` opens one of the X25519 stanzas, std::nullopt if none; throws
// HeaderError for a malformed X25519 stanza or an all-zero shared secret.
std::optional<SecretBytes> unwrapX25519(const std::vector<Stanza>& stanzas,
                                        const X25519Identity& identity);

// The file key if `passphrase` opens the scrypt stanza, std::nullopt if not; throws HeaderError
// for a malformed scrypt stanza or a work factor above maxLogN.
std::optional<SecretBytes> unwrapScrypt(const std::vector<Stanza>& stanzas,
                                        const SecretBytes& passphrase, int maxLogN);

}  // namespace massho::image::stanzas
