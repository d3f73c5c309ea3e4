#pragma once

#include <string>

#include "massho/base/error.h"

namespace massho::records {

// Base of every error the records library throws. The message is one line: what was wrong and
// what to do about it.
// Each kind carries its category (base/error.h): what it means for the person who asked.
class RecordsError : public base::Error {
  public:
    explicit RecordsError(const std::string& message,
                          base::ErrorCategory category = base::ErrorCategory::Failed)
        : base::Error(category, message) {}
};

// Bytes that are not a canonical register entry (canonical_json.h: the RFC 8785 profile).
class EntryFormatError : public RecordsError {
  public:
    explicit EntryFormatError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::Failed) {}
};

// SQLite refused something (I/O, constraint, busy, corrupt file).
class DatabaseError : public RecordsError {
  public:
    explicit DatabaseError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::Failed) {}
};

// Key files and signatures.
class KeyError : public RecordsError {
  public:
    explicit KeyError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::Failed) {}
};

// Login refused. The message never says whether the ID exists.
class AuthError : public RecordsError {
  public:
    explicit AuthError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::Refused) {}
};

// A request that is well-formed but not allowed or not valid (bad ID, short password, unknown
// user, duplicate user, ...).
class UserError : public RecordsError {
  public:
    explicit UserError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::BadInput) {}
};

// Data directory problems (no register, already a register, bad permissions).
class StoreError : public RecordsError {
  public:
    explicit StoreError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::BadInput) {}
};

}  // namespace massho::records

namespace massho::records {

// A signed note, checkpoint or proof that does not follow its C2SP format.
class NoteFormatError : public RecordsError {
  public:
    explicit NoteFormatError(const std::string& message)
        : RecordsError(message, base::ErrorCategory::Failed) {}
};

}  // namespace massho::records
