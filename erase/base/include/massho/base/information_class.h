#pragma once

#include <optional>
#include <string_view>

namespace massho::base {

// The city's standard, Art. 7: the data on a medium is of information class 1 (the most
// sensitive) to 4. Every place that takes a class checks it with these, so the range is
// written once.
constexpr int kMostSensitiveClass = 1;
constexpr int kLeastSensitiveClass = 4;

constexpr bool isInformationClass(int value) {
    return value >= kMostSensitiveClass && value <= kLeastSensitiveClass;
}

// A class as a person types it: exactly one digit 1–4; std::nullopt for anything else.
constexpr std::optional<int> parseInformationClass(std::string_view text) {
    if (text.size() != 1 || text[0] < '0' || text[0] > '9') return std::nullopt;
    const int value = text[0] - '0';
    return isInformationClass(value) ? std::optional(value) : std::nullopt;
}

}  // namespace massho::base
