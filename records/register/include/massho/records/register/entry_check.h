#pragma once

#include <string>
#include <string_view>

namespace massho::records {

// One pass over an entry's bytes deciding exactly what validateEntry (register.h) decides: a
// canonical flat object (the rules of serializeEntry: keys [a-z0-9_]{1,64} in strictly increasing
// order, no whitespace, RFC 8785 string escapes, integers in shortest form within ±(2^53-1), at
// most 65535 bytes) with v=1 and string kind, time and salt (32 lower-case hex digits). True and
// the entry's kind in `kind`, or false when validateEntry would throw (call it for the message).
// Verification runs this on every entry: it builds no fields and re-serialises nothing.
bool isValidEntry(std::string_view bytes, std::string& kind);

}  // namespace massho::records
