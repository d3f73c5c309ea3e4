#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace massho::erase {

// The kinds of media NIST SP 800-88 Rev. 1 Appendix A distinguishes (plus the ones we cannot tell).
enum class MediaType { Hdd, Ssd, Nvme, UsbFlash, MemoryCard, Virtual, Unknown };
inline constexpr std::size_t kMediaTypeCount = 7;

// "hdd", "ssd", "nvme", "usb-flash", "memory-card", "virtual", "unknown".
std::string_view toString(MediaType type);
std::optional<MediaType> parseMediaType(std::string_view text);

// NIST SP 800-88 sanitization level a method reaches on a medium. None: not applicable / not
// enough.
enum class NistLevel { None, Clear, Purge };

// "none", "clear", "purge".
std::string_view toString(NistLevel level);

// NIST SP 800-88 Rev. 1 Appendix A offers no Purge technique for removable flash and memory cards:
// the only way beyond Clear is physical destruction.
bool nistPurgeExists(MediaType type);

}  // namespace massho::erase
