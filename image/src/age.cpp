#include "massho/image/age.h"

#include <openssl/crypto.h>

#include <array>
#include <optional>

#include "massho/image/armor_reader.h"
#include "massho/image/byte_source.h"
#include "payload_stream.h"
#include "stanzas.h"

namespace massho::image {
namespace {

void pump(std::istream& in, AgeWriter& writer) {
    writer.writeFrom(in);
    writer.finish();
}

// c2sp.org/age: an scrypt stanza must be the only one, so a passphrase cannot be mixed in.
void checkScryptAlone(const std::vector<Stanza>& stanzas) {
    for (const auto& s : stanzas)
        if (s.type == "scrypt" && stanzas.size() != 1)
            throw HeaderError("an scrypt stanza must be the only stanza in the header");
}

SecretBytes unwrapFileKey(const Header& header, const DecryptionKeys& keys) {
    checkScryptAlone(header.stanzas);
    for (const auto& identity : keys.identities)
        if (auto fileKey = stanzas::unwrapX25519(header.stanzas, identity))
            return std::move(*fileKey);
    for (const auto& passphrase : keys.passphrases)
        if (auto fileKey = stanzas::unwrapScrypt(header.stanzas, passphrase, keys.maxScryptLogN))
            return std::move(*fileKey);
    throw NoIdentityMatchError("none of the given keys or passphrases opens this file");
}

// The header MAC is checked (constant time) before any payload byte is decrypted.
void verifyMac(const Header& header, const SecretBytes& fileKey) {
    auto input = std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(header.macInput.data()),
                                          header.macInput.size());
    auto expected = payload::headerMac(fileKey, input);
    if (CRYPTO_memcmp(expected.data(), header.mac.data(), expected.size()) != 0)
        throw HmacError("header MAC does not match; the header was altered or damaged");
}

uint64_t decryptFrom(ByteSource& in, std::ostream& out, const DecryptionKeys& keys) {
    Header header = readHeader(in, keys.limits);
    SecretBytes fileKey = unwrapFileKey(header, keys);
    verifyMac(header, fileKey);
    return payload::decrypt(in, out, fileKey);
}

// The binary format starts with "age-encryption.org/v1"; anything else is read as armor, whose
// parser then says clearly when the input is neither (c2sp.org/age "ASCII armor").
bool looksArmored(std::istream& in) {
    int c = in.peek();
    return c != std::char_traits<char>::eof() && c != 'a';
}

}  // namespace

void encrypt(std::istream& in, std::ostream& out, const std::vector<X25519Recipient>& recipients) {
    AgeWriter writer(out, recipients);
    pump(in, writer);
}

void encryptWithPassphrase(std::istream& in, std::ostream& out, std::string_view passphrase,
                           int logN) {
    AgeWriter writer = AgeWriter::withPassphrase(out, passphrase, logN);
    pump(in, writer);
}

uint64_t decrypt(std::istream& in, std::ostream& out, const DecryptionKeys& keys) {
    if (looksArmored(in)) {
        ArmorSource source(in);
        return decryptFrom(source, out, keys);
    }
    IstreamSource source(in);
    return decryptFrom(source, out, keys);
}

uint64_t decrypt(std::istream& in, std::ostream& out,
                 const std::vector<X25519Identity>& identities) {
    DecryptionKeys keys;
    for (const auto& identity : identities) keys.identities.push_back(identity.clone());
    return decrypt(in, out, keys);
}

uint64_t decryptWithPassphrase(std::istream& in, std::ostream& out, std::string_view passphrase,
                               int maxLogN) {
    DecryptionKeys keys;
    keys.passphrases.emplace_back(passphrase);
    keys.maxScryptLogN = maxLogN;
    return decrypt(in, out, keys);
}

}  // namespace massho::image
