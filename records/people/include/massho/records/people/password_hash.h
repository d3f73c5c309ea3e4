#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace massho::records {

// scrypt parameters stored with every hash so that they can be raised later.
struct ScryptParams {
    unsigned logN = 15;  // N = 2^15: 32 MiB, tens of milliseconds here
    unsigned r = 8;
    unsigned p = 1;
};

// "scrypt$<logN>$<r>$<p>$<salt hex>$<hash hex>" with a fresh 16-byte salt and a 32-byte hash
// (RFC 7914 via OpenSSL EVP_KDF "SCRYPT").
std::string hashPassword(std::string_view password, ScryptParams params = {});

// Recomputes and compares in constant time (CRYPTO_memcmp). A malformed stored hash is false.
bool verifyPassword(std::string_view password, std::string_view stored);

// Does the same scrypt work as verifyPassword against nothing: used for unknown user IDs so
// that timing does not reveal which IDs exist.
void burnPasswordWork(std::string_view password);

// Raw scrypt, exposed for the RFC 7914 §12 test vectors.
std::string scrypt(std::string_view password, std::string_view salt, ScryptParams params,
                   size_t length);

// The key derivation the three functions above run, injectable so that tests can count the
// scrypt work each login path does (equal work for known and unknown IDs) while still running
// the real scrypt.
using Kdf = std::function<std::string(std::string_view password, std::string_view salt,
                                      ScryptParams params, size_t length)>;
Kdf scryptKdf();
std::string hashPassword(std::string_view password, ScryptParams params, const Kdf& kdf);
bool verifyPassword(std::string_view password, std::string_view stored, const Kdf& kdf);
void burnPasswordWork(std::string_view password, const Kdf& kdf);

}  // namespace massho::records
