#include "massho/erase/verify_mode.h"

namespace massho::erase {

std::string_view toString(VerifyMode mode) {
    switch (mode) {
        case VerifyMode::Sample:
            return "sample";
        case VerifyMode::Full:
            return "full";
        case VerifyMode::None:
            break;
    }
    return "none";
}

std::optional<VerifyMode> parseVerifyMode(std::string_view text) {
    for (VerifyMode mode : {VerifyMode::None, VerifyMode::Sample, VerifyMode::Full}) {
        if (toString(mode) == text) return mode;
    }
    return std::nullopt;
}

}  // namespace massho::erase
