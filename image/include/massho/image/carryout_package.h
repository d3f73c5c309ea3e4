#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "massho/image/fat_medium.h"
#include "massho/image/package.h"
#include "massho/image/secret_bytes.h"
#include "massho/image/x25519_keys.h"

namespace massho::image {

// Who can open the package: the receiving offices' age keys (preferred), or one passphrase.
struct PackageEncryption {
    std::vector<X25519Recipient> recipients;
    const SecretBytes* passphrase = nullptr;  // used when recipients is empty
    int scryptLogN = 18;
};

struct PackageWritten {
    std::string name;  // MASSHO-<id>.tar.age
    uint64_t ciphertextBytes = 0;
    std::string ciphertextSha256;  // hashed while streaming, then confirmed by reading back
};

// An upper bound of the age file's size for `plaintext` tar bytes (header + 16-byte tag per
// 64 KiB chunk), for the "medium too small" check.
uint64_t ageSizeUpperBound(uint64_t plaintext, size_t recipients);

// Streams plan → tar (libarchive) → age (AgeWriter) → SHA-256 → pipe → mcopy (FAT32) or straight
// (exFAT) → the medium, with constant memory; no plaintext byte reaches the medium or any disk.
// Then flushes the device and reads the file back: the hash must match, or CarryOutError(Failed).
// `onBytes` gets plaintext file bytes done; `onReadBack` ciphertext bytes read back of the
// package's size (a 5 GB package takes as long to read as to write). Any failure (medium pulled,
// full, tool missing) throws CarryOutError(Failed) with the reason; the medium then holds at most
// part of the ciphertext.
PackageWritten writePackage(const FatMedium& medium, const std::string& name,
                            const PackagePlan& plan, const PackageEncryption& encryption,
                            const std::function<void(uint64_t)>& onBytes = {},
                            const std::function<void(uint64_t, uint64_t)>& onReadBack = {});

}  // namespace massho::image
