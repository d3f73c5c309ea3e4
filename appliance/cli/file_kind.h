#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace massho::cli {

// What a file given on the command line looks like when it must not be read as the text asked
// for: "is a signing key (private)", "looks like an age identity (a private key)", "looks like a
// PEM private key", or "is not text (binary data)" (control bytes). std::nullopt for ordinary
// text. Error messages say this instead of quoting the content, so a secret given by mistake is
// never printed.
std::optional<std::string> secretOrBinaryKind(std::string_view content);

// The file's content is refused (bad input, exit 2) when secretOrBinaryKind names a kind:
// "FILE is a signing key (private), not a WHAT: give HINT (and keep that file secret)".
void requireText(std::string_view content, const std::string& file, const std::string& what,
                 const std::string& hint);

}  // namespace massho::cli
