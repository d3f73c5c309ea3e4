#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace massho::image {

// Bytes that must not outlive their use: file keys, wrap keys, private keys, passphrases.
// Wiped with OPENSSL_cleanse on destruction and before reassignment; movable, not copyable.
class SecretBytes {
  public:
    SecretBytes() = default;
    explicit SecretBytes(size_t size);
    explicit SecretBytes(std::span<const uint8_t> bytes);
    explicit SecretBytes(std::string_view text);
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    uint8_t* data() { return bytes_.data(); }
    const uint8_t* data() const { return bytes_.data(); }
    size_t size() const { return bytes_.size(); }
    bool empty() const { return bytes_.empty(); }
    std::span<const uint8_t> span() const { return bytes_; }
    std::span<uint8_t> span() { return bytes_; }

  private:
    void wipe();
    std::vector<uint8_t> bytes_;
};

}  // namespace massho::image
