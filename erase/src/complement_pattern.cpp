#include <cstring>

#include "massho/erase/pattern.h"

namespace massho::erase {
namespace {

class ComplementPattern final : public PatternSource {
  public:
    ComplementPattern(const PatternSource& base, std::string description)
        : base_(base), description_(std::move(description)) {}

    void fill(uint64_t offset, std::span<uint8_t> out) const override {
        base_.fill(offset, out);
        invert(out);
    }
    // data ^ ~base = ~(data ^ base).
    bool xorInto(uint64_t offset, std::span<uint8_t> data) const override {
        if (!base_.xorInto(offset, data)) return false;
        invert(data);
        return true;
    }
    std::optional<std::size_t> period() const override { return base_.period(); }
    std::string describe() const override { return description_; }

  private:
    // Word at a time: this runs over every byte of a pass.
    static void invert(std::span<uint8_t> data) {
        std::size_t i = 0;
        for (; i + sizeof(uint64_t) <= data.size(); i += sizeof(uint64_t)) {
            uint64_t word;
            std::memcpy(&word, data.data() + i, sizeof word);
            word = ~word;
            std::memcpy(data.data() + i, &word, sizeof word);
        }
        for (; i < data.size(); ++i) data[i] = static_cast<uint8_t>(~data[i]);
    }
    const PatternSource& base_;
    std::string description_;
};

}  // namespace

std::unique_ptr<PatternSource> makeComplementPattern(const PatternSource& base,
                                                     std::string description) {
    return std::make_unique<ComplementPattern>(base, std::move(description));
}

}  // namespace massho::erase
