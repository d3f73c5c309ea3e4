#include "file_kind.h"

#include <algorithm>

#include "cli_error.h"

namespace massho::cli {
namespace {

bool contains(std::string_view text, std::string_view what) {
    return text.find(what) != std::string_view::npos;
}

// An age identity is Bech32 (age-encryption.org/v1): readers accept either case.
bool containsAgeIdentity(std::string_view text) {
    constexpr std::string_view kPrefix = "age-secret-key-1";
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return std::search(text.begin(), text.end(), kPrefix.begin(), kPrefix.end(),
                       [&](char a, char b) { return lower(a) == b; }) != text.end();
}

bool isControlByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7f;
}

}  // namespace

std::optional<std::string> secretOrBinaryKind(std::string_view content) {
    // The note signing key's form (golang.org/x/mod/sumdb/note), as register.key holds it.
    if (contains(content, "PRIVATE+KEY+")) return "is a signing key (private)";
    if (containsAgeIdentity(content)) return "looks like an age identity (a private key)";
    if (contains(content, "-----BEGIN") && contains(content, "PRIVATE KEY"))
        return "looks like a PEM private key";
    if (std::any_of(content.begin(), content.end(), isControlByte)) return "is not text (binary data)";
    return std::nullopt;
}

void requireText(std::string_view content, const std::string& file, const std::string& what,
                 const std::string& hint) {
    const auto kind = secretOrBinaryKind(content);
    if (!kind) return;
    const bool secret = kind->find("private") != std::string::npos;
    throw badInput(file + " " + *kind + ", not a " + what + ": give " + hint +
                   (secret ? " (and keep that file secret)" : ""));
}

}  // namespace massho::cli
