// libFuzzer target for the age header parser and decryptor (built with clang, see
// CMakeLists.txt). Inputs are age files, or CCTV vector files whose textual preamble
// ("expect: …" lines up to a blank line) is skipped, so the CCTV suite seeds the corpus with
// real ciphertexts that the fixed identity and passphrase below can open.
// Contract checked: any input either decrypts or throws an AgeError subclass; anything else
// (crash, sanitizer report, other exception, leak) is a finding.

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "massho/image/age.h"

namespace {

using namespace massho::image;

// The identity and passphrase most CCTV vectors use (published test values, not secrets).
constexpr const char* kIdentity =
    "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";
constexpr const char* kPassphrase = "password";

std::string stripVectorPreamble(std::string input) {
    if (!input.starts_with("expect: ")) return input;
    size_t blank = input.find("\n\n");
    return blank == std::string::npos ? std::string() : input.substr(blank + 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string input = stripVectorPreamble(std::string(reinterpret_cast<const char*>(data), size));
    {
        std::istringstream in(input);
        try {
            readHeader(in);
        } catch (const AgeError&) {
        }
    }
    DecryptionKeys keys;
    keys.identities.push_back(X25519Identity::parse(kIdentity));
    keys.passphrases.emplace_back(std::string_view(kPassphrase));
    keys.maxScryptLogN = 10;  // the CCTV scrypt vectors use 10; keeps each run cheap
    std::istringstream in(input);
    std::ostringstream out;
    try {
        decrypt(in, out, keys);
    } catch (const AgeError&) {
        // Rejected with a typed error: the expected outcome for malformed input.
    } catch (...) {
        std::abort();  // any other exception is a bug
    }
    return 0;
}
