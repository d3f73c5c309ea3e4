#include "utf8_names.h"

#include "massho/image/carryout_error.h"

namespace massho::image {
namespace {

// Length of the sequence starting with `lead` and the allowed range of its second byte
// (RFC 3629 §4), or 0 for a byte that cannot start one.
struct Lead {
    int length;
    unsigned char low, high;
};

Lead leadOf(unsigned char c) {
    if (c < 0x80) return {1, 0, 0};
    if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
    if (c == 0xE0) return {3, 0xA0, 0xBF};
    if (c == 0xED) return {3, 0x80, 0x9F};
    if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
    if (c == 0xF0) return {4, 0x90, 0xBF};
    if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
    if (c == 0xF4) return {4, 0x80, 0x8F};
    return {0, 0, 0};
}

}  // namespace

Utf8Ctype::Utf8Ctype() : utf8_(newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{})) {
    if (utf8_ == locale_t{})
        throw CarryOutError(CarryOutError::Kind::Failed,
                            "this system has no C.UTF-8 locale, needed to write file names into "
                            "the package: install the libc-bin package");
    previous_ = uselocale(utf8_);
}

Utf8Ctype::~Utf8Ctype() {
    uselocale(previous_);
    freelocale(utf8_);
}

bool isUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const Lead lead = leadOf(static_cast<unsigned char>(s[i]));
        if (lead.length == 0 || s.size() - i < static_cast<size_t>(lead.length)) return false;
        for (int k = 1; k < lead.length; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            const unsigned char low = k == 1 ? lead.low : 0x80, high = k == 1 ? lead.high : 0xBF;
            if (c < low || c > high) return false;
        }
        i += static_cast<size_t>(lead.length);
    }
    return true;
}

}  // namespace massho::image
