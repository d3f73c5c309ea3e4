#pragma once

namespace massho::records::detail {

// Schema migration for people and approvals: unknown-ID login throttling, the last
// failure time of known users, and requests with their approvals. Listed in
// Database::migrations().
extern const char* const kPeopleSchema;
// Counted refusals of locked IDs, summarised in one entry when the lock ends.
extern const char* const kLockedRefusalsSchema;

}  // namespace massho::records::detail
