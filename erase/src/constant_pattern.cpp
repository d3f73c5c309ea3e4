#include <cstring>

#include "byte_format.h"
#include "massho/erase/pattern.h"

namespace massho::erase {
namespace {

class ConstantPattern final : public PatternSource {
  public:
    explicit ConstantPattern(uint8_t byte) : byte_(byte) {}
    void fill(uint64_t /*offset*/, std::span<uint8_t> out) const override {
        std::memset(out.data(), byte_, out.size());
    }
    std::optional<std::size_t> period() const override { return 1; }
    std::string describe() const override { return detail::hexBytes({&byte_, 1}); }

  private:
    uint8_t byte_;
};

}  // namespace

std::unique_ptr<PatternSource> makeConstantPattern(uint8_t byte) {
    return std::make_unique<ConstantPattern>(byte);
}

}  // namespace massho::erase
