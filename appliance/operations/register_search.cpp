#include "massho/operations/register_search.h"

#include <algorithm>
#include <set>

#include "massho/operations/operation_error.h"
#include "massho/operations/require_role.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/papers/erasures_by_day.h"
#include "massho/records/papers/media_reports.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"

namespace massho::operations {
namespace {

OperationError badQuery(const std::string& message) {
    return OperationError(base::ErrorCategory::BadInput, message);
}

// The period as given, checked: both ends, real dates, in order, a year at most.
void checkPeriod(const RegisterQuery& query) {
    if (query.from.has_value() != query.to.has_value())
        throw badQuery("give both ends of the period (from and to), or neither");
    if (!query.from) return;
    const auto from = records::parseDate(*query.from);
    const auto to = records::parseDate(*query.to);
    if (!from || !to)
        throw badQuery("the period's dates must be written as " + std::string(records::kDateRule));
    if (*to < *from) throw badQuery("the period ends (" + *query.to + ") before it begins");
    if ((*to - *from).count() >= kMaxSearchDays)
        throw badQuery("a period is a year at most: search the earlier months separately");
}

bool inPeriod(const RegisterQuery& query, const std::string& rfc3339) {
    if (!query.from) return true;
    const std::string day = records::jstDate(rfc3339);
    return day >= *query.from && day <= *query.to;
}

// Erasures that ended on the period's days, through the erasure-ended keys.
std::vector<uint64_t> erasuresInPeriod(records::Register& log, const RegisterQuery& query) {
    std::vector<uint64_t> found;
    records::forEachErasureNearJstDays(
        log, *query.from, *query.to, [&](uint64_t index, const std::string& bytes) {
            if (!records::entryHasKind(bytes, records::EntryKind::Erasure)) return;
            if (inPeriod(query, records::entryText(records::parseEntry(bytes), "ended")))
                found.push_back(index);
        });
    return found;
}

// Every entry in the histories of the media with this tag or serial, within the period.
std::vector<uint64_t> entriesOfMedia(records::Store& store, const RegisterQuery& query) {
    const records::MediaLedger ledger(store.database(), store.signedRegister());
    std::vector<std::string> tags;
    if (query.asset) {
        const auto medium = ledger.find(*query.asset);
        if (medium && (!query.serial || medium->serial == *query.serial))
            tags.push_back(medium->tag);
    } else {
        for (const records::Medium& medium : ledger.withSerial(*query.serial))
            tags.push_back(medium.tag);
    }
    std::set<uint64_t> found;
    for (const std::string& tag : tags)
        for (const records::MediumEvent& event : ledger.history(tag))
            if (inPeriod(query, event.time)) found.insert(event.index);
    return {found.begin(), found.end()};
}

uint64_t certificatesFor(const records::Register& log, uint64_t index) {
    uint64_t count = 0;
    const std::string key = std::to_string(index);
    log.forEachKeyed(records::entry_key::CertificateFor, key, key,
                     [&](uint64_t, const std::string&) { ++count; });
    return count;
}

}  // namespace

RegisterPage searchRegister(records::Store& store, const records::User& person,
                            const RegisterQuery& query, uint64_t offset, uint32_t limit) {
    requireRole(person, {records::Role::RecordsOfficer, records::Role::Auditor},
                "searching the register");
    checkPeriod(query);
    if (!query.from && !query.serial && !query.asset)
        throw badQuery("say what to look for: a period, a serial or an asset tag");
    if (limit == 0 || limit > kMaxSearchPage)
        throw badQuery("a page holds 1 to " + std::to_string(kMaxSearchPage) + " entries");
    records::Register& log = store.signedRegister();
    std::vector<uint64_t> found =
        (query.serial || query.asset) ? entriesOfMedia(store, query) : erasuresInPeriod(log, query);
    RegisterPage page;
    page.total = found.size();
    std::reverse(found.begin(), found.end());  // newest first
    for (uint64_t i = offset; i < found.size() && page.hits.size() < limit; ++i) {
        const uint64_t index = found[i];
        page.hits.push_back(
            {index, records::parseEntry(log.entry(index)), certificatesFor(log, index)});
    }
    return page;
}

}  // namespace massho::operations
