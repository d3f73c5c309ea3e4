#include "massho/base/duration_text.h"

namespace massho::base {

std::string durationText(std::chrono::milliseconds t) {
    const auto ms = t.count();
    if (ms >= 600'000 && ms % 60'000 == 0) return std::to_string(ms / 60'000) + " min";
    if (ms >= 1000) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

}  // namespace massho::base
