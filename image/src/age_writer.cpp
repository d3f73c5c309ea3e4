#include "massho/image/age_writer.h"

#include "massho/base/base64.h"
#include "massho/image/errors.h"
#include "massho/image/header.h"
#include "massho/image/primitives.h"
#include "payload_stream.h"
#include "stanzas.h"

namespace massho::image {
namespace {

constexpr int kMinLogN = 1;
constexpr int kMaxLogN = 30;

// Writes the header (stanzas + MAC) and the payload nonce; returns the payload encryptor.
std::unique_ptr<payload::Encryptor> start(std::ostream& out, const SecretBytes& fileKey,
                                          const std::vector<Stanza>& stanzas) {
    std::string header = encodeHeaderForMac(stanzas);
    auto headerBytes =
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(header.data()), header.size());
    auto mac = payload::headerMac(fileKey, headerBytes);
    header += ' ' + base::base64::encodeUnpadded(mac) + '\n';
    std::array<uint8_t, payload::kNonceSize> nonce{};
    primitives::randomBytes(nonce);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(reinterpret_cast<const char*>(nonce.data()), nonce.size());
    if (!out) throw IoError("writing the age header failed; check free space and the medium");
    return std::make_unique<payload::Encryptor>(out, payload::payloadKey(fileKey, nonce));
}

SecretBytes newFileKey() {
    SecretBytes fileKey(stanzas::kFileKeySize);
    primitives::randomBytes(fileKey.span());
    return fileKey;
}

}  // namespace

AgeWriter::AgeWriter(std::ostream& out, const std::vector<X25519Recipient>& recipients) {
    if (recipients.empty()) throw KeyFormatError("no recipient given; name at least one age1 key");
    SecretBytes fileKey = newFileKey();
    std::vector<Stanza> list;
    list.reserve(recipients.size());
    for (const auto& r : recipients) list.push_back(stanzas::wrapX25519(fileKey, r));
    encryptor_ = start(out, fileKey, list);
}

AgeWriter AgeWriter::withPassphrase(std::ostream& out, std::string_view passphrase, int logN) {
    if (passphrase.empty()) throw KeyFormatError("passphrase is empty; choose a passphrase");
    if (logN < kMinLogN || logN > kMaxLogN)
        throw CryptoError("scrypt work factor must be between 1 and 30");
    SecretBytes fileKey = newFileKey();
    SecretBytes secret(passphrase);
    std::vector<Stanza> list{stanzas::wrapScrypt(fileKey, secret, logN)};
    return AgeWriter(start(out, fileKey, list));
}

AgeWriter::AgeWriter(std::unique_ptr<payload::Encryptor> encryptor)
    : encryptor_(std::move(encryptor)) {}

AgeWriter::~AgeWriter() = default;
AgeWriter::AgeWriter(AgeWriter&&) noexcept = default;
AgeWriter& AgeWriter::operator=(AgeWriter&&) noexcept = default;

void AgeWriter::write(std::span<const uint8_t> data) {
    encryptor_->write(data);
}

void AgeWriter::write(const void* data, size_t size) {
    encryptor_->write(std::span<const uint8_t>(static_cast<const uint8_t*>(data), size));
}

void AgeWriter::writeFrom(std::istream& in) {
    encryptor_->writeFrom(in);
}

void AgeWriter::finish() {
    encryptor_->finish();
}

uint64_t AgeWriter::plaintextBytes() const {
    return encryptor_->plaintextBytes();
}

}  // namespace massho::image
