#pragma once

#include "massho/records/register/errors.h"

namespace massho::records {

// Not allowed by the city's standard: wrong role, separation of duties (Art. 7-3), an
// approval that is missing, expired, used or for something else (Art. 8(4), 8(7)). The CLI
// maps it to exit 3 ("refused").
class RefusedError : public RecordsError {
  public:
    explicit RefusedError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::Refused) {}
};

// A request ID that does not exist, a request in the wrong state for what was asked, or
// malformed request fields (exit 2: bad input).
class RequestError : public RecordsError {
  public:
    explicit RequestError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::BadInput) {}
};

// DIR/massho.conf is malformed or asks for something the policy forbids; names file and line.
class ConfigError : public RecordsError {
  public:
    explicit ConfigError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::BadInput) {}
};

// The password is right but older than the configured maximum age: the only thing the person
// may do is change it (Art. 13(4) "changed regularly").
class PasswordExpiredError : public AuthError {
  public:
    using AuthError::AuthError;
};

}  // namespace massho::records
