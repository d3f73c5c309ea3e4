#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "byte_format.h"
#include "massho/erase/pattern.h"

namespace massho::erase {
namespace {

class RepeatingPattern final : public PatternSource {
  public:
    explicit RepeatingPattern(std::vector<uint8_t> bytes) : bytes_(std::move(bytes)) {}

    // The phase follows the absolute device offset, so any range can be regenerated alone.
    void fill(uint64_t offset, std::span<uint8_t> out) const override {
        const std::size_t n = bytes_.size();
        const std::size_t phase = static_cast<std::size_t>(offset % n);
        std::size_t filled = std::min(n, out.size());
        for (std::size_t i = 0; i < filled; ++i) out[i] = bytes_[(phase + i) % n];
        // `filled` stays a multiple of the period, so doubling the prefix keeps the phase.
        while (filled < out.size()) {
            std::size_t take = std::min(filled, out.size() - filled);
            std::memcpy(out.data() + filled, out.data(), take);
            filled += take;
        }
    }
    std::optional<std::size_t> period() const override { return bytes_.size(); }
    std::string describe() const override { return detail::hexBytes(bytes_); }

  private:
    std::vector<uint8_t> bytes_;
};

}  // namespace

std::unique_ptr<PatternSource> makeRepeatingPattern(std::vector<uint8_t> bytes) {
    if (bytes.empty()) throw std::invalid_argument("a repeating pattern needs at least one byte");
    return std::make_unique<RepeatingPattern>(std::move(bytes));
}

}  // namespace massho::erase
