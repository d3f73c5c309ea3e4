#include "massho/records/people/password_hash.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <charconv>
#include <vector>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/base/openssl_ptr.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
constexpr unsigned kMaxLogN = 20;  // bounds the work a stored hash can demand (1 GiB)

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    while (true) {
        size_t at = s.find(sep);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

bool parseUnsigned(std::string_view s, unsigned& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

bool hexDecode(std::string_view hex, std::string& out) {
    if (hex.size() % 2) return false;
    out.clear();
    for (size_t i = 0; i < hex.size(); i += 2) {
        unsigned v = 0;
        auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, v, 16);
        if (ec != std::errc() || end != hex.data() + i + 2) return false;
        out.push_back(static_cast<char>(v));
    }
    return base::hexEncode(out) == hex;
}

const ScryptParams kDummyParams{};

}  // namespace

std::string scrypt(std::string_view password, std::string_view salt, ScryptParams params,
                   size_t length) {
    if (params.logN < 1 || params.logN > kMaxLogN || params.r == 0 || params.p == 0)
        throw RecordsError("scrypt parameters out of range");
    base::KdfPtr kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
    base::KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx) throw RecordsError("OpenSSL has no scrypt KDF: check the OpenSSL install");
    uint64_t n = uint64_t{1} << params.logN;
    uint32_t r = params.r, p = params.p;
    // 128·r·N for V plus 256·r·p for B and some slack; the default 32 MiB cap is too low for
    // N = 2^15, r = 8 (maxmem_bytes in EVP_KDF-SCRYPT(7)).
    uint64_t maxmem = 128ull * r * n + 256ull * r * p + (1ull << 20);
    OSSL_PARAM ps[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char*>(password.data()), password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()),
                                          salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    std::string out(length, '\0');
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), out.size(), ps) !=
        1)
        throw RecordsError("scrypt failed (out of memory?): retry, or check free memory");
    return out;
}

Kdf scryptKdf() {
    return [](std::string_view password, std::string_view salt, ScryptParams params,
              size_t length) { return scrypt(password, salt, params, length); };
}

std::string hashPassword(std::string_view password, ScryptParams params) {
    return hashPassword(password, params, scryptKdf());
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    return verifyPassword(password, stored, scryptKdf());
}

void burnPasswordWork(std::string_view password) {
    burnPasswordWork(password, scryptKdf());
}

std::string hashPassword(std::string_view password, ScryptParams params, const Kdf& kdf) {
    unsigned char salt[kSaltBytes];
    if (RAND_bytes(salt, sizeof salt) != 1)
        throw RecordsError("the system random generator failed: check /dev/urandom");
    std::string saltBytes(reinterpret_cast<char*>(salt), sizeof salt);
    std::string hash = kdf(password, saltBytes, params, kHashBytes);
    std::string out = "scrypt$" + std::to_string(params.logN) + "$" + std::to_string(params.r) +
                      "$" + std::to_string(params.p) + "$" + base::hexEncode(saltBytes) + "$" +
                      base::hexEncode(hash);
    OPENSSL_cleanse(hash.data(), hash.size());
    return out;
}

bool verifyPassword(std::string_view password, std::string_view stored, const Kdf& kdf) {
    auto parts = split(stored, '$');
    ScryptParams params;
    std::string salt, expected;
    if (parts.size() != 6 || parts[0] != "scrypt" || !parseUnsigned(parts[1], params.logN) ||
        !parseUnsigned(parts[2], params.r) || !parseUnsigned(parts[3], params.p) ||
        !hexDecode(parts[4], salt) || !hexDecode(parts[5], expected) ||
        expected.size() != kHashBytes || params.r > 64 || params.p > 16) {
        burnPasswordWork(password, kdf);
        return false;
    }
    std::string actual = kdf(password, salt, params, kHashBytes);
    bool same = CRYPTO_memcmp(actual.data(), expected.data(), kHashBytes) == 0;
    OPENSSL_cleanse(actual.data(), actual.size());
    return same;
}

void burnPasswordWork(std::string_view password, const Kdf& kdf) {
    std::string wasted = kdf(password, std::string(kSaltBytes, '\0'), kDummyParams, kHashBytes);
    OPENSSL_cleanse(wasted.data(), wasted.size());
}

}  // namespace massho::records
