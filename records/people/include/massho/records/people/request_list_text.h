#pragma once

// The table `massho request list` prints (massho(1)): a header, then one line per request with
// its ID, shown state, purpose, class, asset, requester, decider, method and medium, recorded
// text with control characters escaped (text_field.h). Built in one buffer and written in large
// blocks from the printed columns only (Requests::forEachListed, schema version 10): a city's
// requests over the years are a hundred thousand lines.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/records/people/requests.h"

namespace massho::records {

// The stored states a shown state can come from: "expired" is an approved or claimed request
// past its expiry, so "approved", "claimed" and "expired" all read those two.
std::vector<RequestState> storedStatesShownAs(const std::string& shown);

// Appends the header line.
void appendRequestListHeader(std::string& out);
// The state a person sees at `nowRfc3339` (formatRfc3339 of now): Request::displayState.
std::string_view shownStateOf(const RequestLine& request, std::string_view nowRfc3339);
// Appends the line for `request`, shown in `state`.
void appendRequestLine(std::string& out, const RequestLine& request, std::string_view state);

// The header and every request (or those shown as `shownState`) at `now`, in order, to `out`.
// Returns how many lines follow the header; throws StoreError when `out` cannot be written.
size_t writeRequestList(const Requests& requests, const std::optional<std::string>& shownState,
                        TimePoint now, std::FILE* out);

}  // namespace massho::records
