#pragma once

#include <openssl/crypto.h>

#include <string>
#include <string_view>

namespace massho::records {

// A string holding a secret (password, key seed): wiped with OPENSSL_cleanse when destroyed.
// Move-only so that no stray copy outlives the wipe.
class Secret {
  public:
    Secret() = default;
    explicit Secret(std::string_view value) : value_(value) {}
    Secret(Secret&& other) noexcept : value_(std::move(other.value_)) { other.wipe(); }
    Secret& operator=(Secret&& other) noexcept {
        if (this != &other) {
            wipe();
            value_ = std::move(other.value_);
            other.wipe();
        }
        return *this;
    }
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    ~Secret() { wipe(); }

    std::string_view view() const { return value_; }
    size_t size() const { return value_.size(); }
    std::string& mutableValue() { return value_; }

    void wipe() {
        if (!value_.empty()) OPENSSL_cleanse(value_.data(), value_.size());
        value_.clear();
    }

  private:
    std::string value_;
};

}  // namespace massho::records
