#include "massho/records/register/entry_kind.h"

namespace massho::records {
namespace {

constexpr std::string_view kKindKey = "\"kind\":\"";

// Each place where a "kind" value begins, and what follows it; no allocation, since the folds
// call this for every entry of a register of a million.
template <class Match>
bool anyKindValue(std::string_view bytes, Match match) {
    for (size_t at = bytes.find(kKindKey); at != std::string_view::npos;
         at = bytes.find(kKindKey, at + 1)) {
        if (match(bytes.substr(at + kKindKey.size()))) return true;
    }
    return false;
}

}  // namespace

bool entryKindStartsWith(std::string_view entryBytes, std::string_view prefix) {
    return anyKindValue(entryBytes,
                        [&](std::string_view value) { return value.starts_with(prefix); });
}

bool entryHasKind(std::string_view entryBytes, std::string_view kind) {
    return anyKindValue(entryBytes, [&](std::string_view value) {
        return value.starts_with(kind) && value.size() > kind.size() && value[kind.size()] == '"';
    });
}

}  // namespace massho::records
