#include "massho/records/people/password_rules.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "massho/base/reason.h"
#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

// The bases of the most guessed passwords; a password that is one of these plus digits and
// symbols ("Password123!") is refused whatever its length.
constexpr std::array<std::string_view, 14> kWellKnown{
    "password",      "passw0rd", "qwerty",   "qwertyuiop", "letmein",  "welcome", "admin",
    "administrator", "changeme", "iloveyou", "abcdef",     "abcdefgh", "monkey",  "dragon"};

std::string lettersLowered(std::string_view password) {
    std::string out;
    for (char c : password) {
        if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
        if ((c >= 'a' && c <= 'z') || c == '0') out.push_back(c);  // keep "passw0rd"
    }
    // A trailing 0 belongs to the digits added around the base, not to it.
    while (!out.empty() && out.back() == '0') out.pop_back();
    return out;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

int countCharacterClasses(std::string_view password) {
    bool lower = false, upper = false, digit = false, other = false;
    for (char c : password) {
        lower = lower || (c >= 'a' && c <= 'z');
        upper = upper || (c >= 'A' && c <= 'Z');
        digit = digit || (c >= '0' && c <= '9');
        other =
            other || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }
    return int{lower} + int{upper} + int{digit} + int{other};
}

void checkPasswordStrength(std::string_view password, std::string_view userId,
                           const PasswordRules& rules) {
    if (password.size() < rules.minLength)
        throw base::withReason(
            UserError("password is shorter than " + std::to_string(rules.minLength) +
                      " characters: choose a longer one"),
            "password.short", {std::to_string(rules.minLength)});
    if (password.size() > rules.maxLength)
        throw base::withReason(
            UserError("password is longer than " + std::to_string(rules.maxLength) + " characters"),
            "password.long", {std::to_string(rules.maxLength)});
    if (countCharacterClasses(password) < rules.minCharacterClasses)
        throw base::withReason(
            UserError("password uses fewer than " + std::to_string(rules.minCharacterClasses) +
                      " kinds of character (lower case, upper case, digits, symbols): mix more"),
            "password.classes", {std::to_string(rules.minCharacterClasses)});
    if (std::set<char>(password.begin(), password.end()).size() < 5)
        throw base::withReason(
            UserError("password repeats too few characters: use at least 5 different ones"),
            "password.repeats");
    std::string id = lowered(userId), reversed(id.rbegin(), id.rend());
    std::string pw = lowered(password);
    if (!id.empty() && (pw == id || pw == reversed))
        throw base::withReason(UserError("password is the user ID: choose something else"),
                               "password.user-id");
    std::string base = lettersLowered(password);
    if (std::find(kWellKnown.begin(), kWellKnown.end(), base) != kWellKnown.end())
        throw base::withReason(
            UserError("password is built on a well-known password: choose something else"),
            "password.well-known");
}

}  // namespace massho::records
