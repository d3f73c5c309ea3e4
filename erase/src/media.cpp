#include "massho/erase/media.h"

#include <array>

namespace massho::erase {
namespace {

constexpr std::array<std::string_view, kMediaTypeCount> kMediaNames{
    "hdd", "ssd", "nvme", "usb-flash", "memory-card", "virtual", "unknown"};

}  // namespace

std::string_view toString(MediaType type) {
    return kMediaNames[static_cast<std::size_t>(type)];
}

std::optional<MediaType> parseMediaType(std::string_view text) {
    for (std::size_t i = 0; i < kMediaNames.size(); ++i) {
        if (kMediaNames[i] == text) return static_cast<MediaType>(i);
    }
    return std::nullopt;
}

std::string_view toString(NistLevel level) {
    switch (level) {
        case NistLevel::Clear:
            return "clear";
        case NistLevel::Purge:
            return "purge";
        case NistLevel::None:
            break;
    }
    return "none";
}

bool nistPurgeExists(MediaType type) {
    return type != MediaType::UsbFlash && type != MediaType::MemoryCard;
}

}  // namespace massho::erase
