#include "massho/image/secret_bytes.h"

#include <openssl/crypto.h>

#include <utility>

namespace massho::image {

SecretBytes::SecretBytes(size_t size) : bytes_(size) {}

SecretBytes::SecretBytes(std::span<const uint8_t> bytes) : bytes_(bytes.begin(), bytes.end()) {}

SecretBytes::SecretBytes(std::string_view text) : bytes_(text.begin(), text.end()) {}

SecretBytes::~SecretBytes() {
    wipe();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {
    other.bytes_.clear();
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        wipe();
        bytes_ = std::move(other.bytes_);
        other.bytes_.clear();
    }
    return *this;
}

void SecretBytes::wipe() {
    if (!bytes_.empty()) OPENSSL_cleanse(bytes_.data(), bytes_.size());
    bytes_.clear();
}

}  // namespace massho::image
