#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace massho::records {

// Art. 13(4): passwords long and hard to guess, changed regularly. Configured in the
// [password] section of DIR/massho.conf.
struct PasswordRules {
    size_t minLength = 12;
    size_t maxLength = 1024;  // bounds the scrypt input
    // Of: lower-case letters, upper-case letters, digits, everything else (incl. non-ASCII).
    int minCharacterClasses = 2;
    // 0 = no age limit; otherwise a password older than this must be changed before any other
    // command is accepted.
    std::chrono::days maxAge{90};
};

// Throws UserError saying which rule failed and what to do. The message never contains the
// password. Rules: length, character classes, at least 5 distinct characters, not the user ID
// (or the ID reversed), not built on a well-known password ("password", "qwerty", ...).
void checkPasswordStrength(std::string_view password, std::string_view userId,
                           const PasswordRules& rules);

int countCharacterClasses(std::string_view password);

}  // namespace massho::records
