#include "massho/records/papers/certificate_issuer.h"
#include "massho/records/papers/erasures_by_day.h"
#include "massho/records/papers/japan_time.h"
#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"

namespace massho::records {
namespace {

std::optional<std::string> stringField(const EntryFields& f, const std::string& key) {
    auto it = f.find(key);
    if (it == f.end() || !std::holds_alternative<std::string>(it->second)) return std::nullopt;
    return std::get<std::string>(it->second);
}

// The calendar day in Japan (UTC+9, no daylight saving) of an RFC 3339 UTC time.
std::string jstDate(const std::string& rfc3339) {
    return japanTime(rfc3339).substr(0, 10);
}

}  // namespace

std::vector<uint64_t> selectErasures(const Register& log, const std::optional<std::string>& dateJst,
                                     const std::optional<std::string>& request) {
    std::vector<uint64_t> out;
    const auto select = [&](uint64_t index, const std::string& bytes) {
        if (!entryHasKind(bytes, EntryKind::Erasure)) return;
        const EntryFields f = parseEntry(bytes);
        if (stringField(f, "result") != "erased") return;
        if (dateJst && jstDate(stringField(f, "ended").value_or("")) != *dateJst) return;
        if (request && stringField(f, "request") != *request) return;
        out.push_back(index);
    };
    // Through the entry keys (entry_keys.h): the day's or the request's erasures only.
    if (dateJst)
        forEachErasureNearJstDays(log, *dateJst, *dateJst, select);
    else if (request)
        log.forEachKeyed(entry_key::ErasureRequest, *request, *request, select);
    else
        log.forEach(select);
    return out;
}

}  // namespace massho::records
