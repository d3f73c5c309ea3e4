#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "massho/records/register/errors.h"

namespace massho::records {

// The rules for text a person types that ends up in the signed register, a ledger row or a
// report: one set, checked before anything is recorded (appliance/docs/hardening.md). Every kind
// accepts only well-formed UTF-8 (RFC 3629) and no control characters: C0 (incl. NUL, tab and
// line breaks), DEL and C1, nor U+2028/U+2029 (line and paragraph separators) nor the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text display
// differently from what it is. Nothing is trimmed or normalised: what is accepted is stored
// exactly as typed (Japanese, mixed scripts, emoji, combining marks; NFC is not required).
enum class TextKind {
    // User IDs, asset tags, request IDs, recipient and witness names, method IDs: 1–64 of
    // A–Z a–z 0–9 . _ - starting with a letter or digit (a subset-check; each owner may be
    // stricter, e.g. user IDs are lower case and at most 32).
    Identifier,
    // Names, sections, locations, destinations, contractors, conditions, models, serials:
    // 1–200 characters (Unicode code points) on one line, no space at either end.
    Line,
    // Reasons and notes for the approver or the record: 1–1000 characters on one line, no space
    // at either end. One line because every entry field, CSV cell and PDF row is one line.
    Reason,
    // File and device names and other arguments the program reads rather than records: 1–4096
    // bytes (PATH_MAX), spaces and a lone "-" (standard input) allowed.
    Path,
};

inline constexpr size_t kMaxIdentifierCharacters = 64;
inline constexpr size_t kMaxLineCharacters = 200;
inline constexpr size_t kMaxReasonCharacters = 1000;
inline constexpr size_t kMaxPathBytes = 4096;

// Text a person typed that breaks the rules of its kind. A UserError: bad input, exit code 2.
class TextFieldError : public UserError {
  public:
    using UserError::UserError;
};

// What is wrong with `value` as a `kind`, e.g. "is 10000 characters long; at most 200 are
// allowed: shorten it", or nullopt when it is acceptable. The empty string is a problem; a
// lone "-" too (it reads as "standard input" or "nothing"), except for a Path.
std::optional<std::string> textProblem(std::string_view value, TextKind kind);

// Throws TextFieldError "<field> <problem>", e.g. "--condition has a control character (U+001B)
// at character 2: …". `field` names the field as the person knows it (a CLI option, a label).
void requireText(std::string_view field, std::string_view value, TextKind kind);
// As requireText, but the empty string (a field left out) is accepted.
void requireOptionalText(std::string_view field, std::string_view value, TextKind kind);

// For showing text from older registers on a terminal: the characters the rules refuse as
// \u{XXXX} and invalid UTF-8 bytes as \x{XX}, so no escape code reaches the terminal; all else
// unchanged. For human output only: JSON output and `register show` keep the exact bytes.
std::string escapedForDisplay(std::string_view text);
// The same, appended to `out` (lists of a hundred thousand lines build their text in one buffer).
void appendEscapedForDisplay(std::string& out, std::string_view text);

}  // namespace massho::records
