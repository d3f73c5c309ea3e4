#pragma once

// age v1 (c2sp.org/age) file encryption: the carry-out format. Whole-stream helpers over
// AgeWriter and the strict decryptor. Everything streams with bounded memory (a few 2 MiB
// batches of chunks, sealed or opened on one thread per core).

#include <istream>
#include <ostream>
#include <string_view>
#include <vector>

#include "massho/image/age_writer.h"
#include "massho/image/errors.h"
#include "massho/image/header.h"
#include "massho/image/secret_bytes.h"
#include "massho/image/x25519_keys.h"

namespace massho::image {

constexpr int kDefaultScryptLogN = 18;     // what `age -p` uses
constexpr int kDefaultMaxScryptLogN = 22;  // highest work factor a decryptor accepts by default

// What may open a file: X25519 identities and/or passphrases.
struct DecryptionKeys {
    std::vector<X25519Identity> identities;
    std::vector<SecretBytes> passphrases;
    int maxScryptLogN = kDefaultMaxScryptLogN;
    HeaderLimits limits{};
};

void encrypt(std::istream& in, std::ostream& out, const std::vector<X25519Recipient>& recipients);
void encryptWithPassphrase(std::istream& in, std::ostream& out, std::string_view passphrase,
                           int logN = kDefaultScryptLogN);

// Decrypts binary or ASCII-armored age (input not starting with 'a' is read as armor). Each chunk's
// plaintext reaches `out` only once its tag verified, but a later failure still leaves the chunks
// before it in `out`: on any exception discard what was written. Throws HeaderError,
// NoIdentityMatchError, HmacError, PayloadError, ArmorError, IoError. Returns the plaintext byte
// count.
uint64_t decrypt(std::istream& in, std::ostream& out, const DecryptionKeys& keys);
uint64_t decrypt(std::istream& in, std::ostream& out,
                 const std::vector<X25519Identity>& identities);
uint64_t decryptWithPassphrase(std::istream& in, std::ostream& out, std::string_view passphrase,
                               int maxLogN = kDefaultMaxScryptLogN);

}  // namespace massho::image
