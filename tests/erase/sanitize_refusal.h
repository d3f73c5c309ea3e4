#pragma once

// What a drive-command step refused with, kind and message together, so that a test asserts the
// exact refusal instead of "some SanitizeError".

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>

#include "massho/erase/sanitize/sanitize_error.h"

namespace massho::erase::sanitize::testing {

using Refusal = std::pair<SanitizeError::Kind, std::string>;

// The SanitizeError that `action` throws; a test failure (and an Io kind with an empty message)
// when it throws none. Any other exception propagates and fails the test.
inline Refusal refusalOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const SanitizeError& e) {
        return {e.kind(), e.what()};
    }
    ADD_FAILURE() << "no SanitizeError was thrown";
    return {SanitizeError::Kind::Io, ""};
}

}  // namespace massho::erase::sanitize::testing
