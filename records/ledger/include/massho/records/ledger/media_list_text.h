#pragma once

// The text `massho media list` and `massho media show` print for a medium (massho(1)): one line
// of tag, class, My Number mark, media type, state, serial and location, recorded text with
// control characters escaped (text_field.h). Built in one buffer and written in large blocks:
// the list of every medium is a hundred thousand lines.
#include <cstdio>
#include <optional>
#include <string>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/ledger/medium.h"

namespace massho::records {

// Appends the line for `medium`, ending in '\n'.
void appendMediumLine(std::string& out, const MediumLine& medium);
// The listed columns of a full row (views into `medium`).
MediumLine listedLine(const Medium& medium);

// Every medium (or those in `state`) as those lines, in tag order, to `out`. Returns how many;
// throws StoreError when `out` cannot be written.
size_t writeMediaList(const MediaLedger& ledger, std::optional<MediaState> state, std::FILE* out);

}  // namespace massho::records
