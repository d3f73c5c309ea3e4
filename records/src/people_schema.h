#pragma once

namespace massho::records::detail {

// Schema migration for people and approvals (issue 4): unknown-ID login throttling, the last
// failure time of known users, and requests with their approvals. Listed in
// Database::migrations().
extern const char* const kPeopleSchema;

}  // namespace massho::records::detail
