#pragma once

#include <locale.h>

#include <string_view>

namespace massho::image {

// libarchive's pax writer converts every pathname through the thread's LC_CTYPE (it needs the
// multibyte form even when given UTF-8). Under the C/POSIX locale — what `massho` runs in, as it
// never calls setlocale — a non-ASCII name cannot be converted and libarchive 3.6 dereferences
// the missing form (SIGSEGV in archive_write_header). While one of these lives, this thread's
// LC_CTYPE is C.UTF-8, so names go into the pax `path` record as the UTF-8 they are; the
// process's global locale and other threads are untouched (uselocale(3)).
class Utf8Ctype {
  public:
    Utf8Ctype();  // throws CarryOutError(Failed) when the system has no C.UTF-8 locale
    ~Utf8Ctype();
    Utf8Ctype(const Utf8Ctype&) = delete;
    Utf8Ctype& operator=(const Utf8Ctype&) = delete;

  private:
    locale_t utf8_;
    locale_t previous_;
};

// Well-formed UTF-8 (RFC 3629: no overlongs, surrogates or code points above U+10FFFF).
bool isUtf8(std::string_view s);

}  // namespace massho::image
