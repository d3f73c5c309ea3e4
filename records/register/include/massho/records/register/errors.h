#pragma once

#include <stdexcept>
#include <string>

namespace massho::records {

// Base of every error the records library throws. The message is one line: what was wrong and
// what to do about it.
class RecordsError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Bytes that are not a canonical register entry (DESIGN.md "Register": RFC 8785 profile).
class EntryFormatError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// SQLite refused something (I/O, constraint, busy, corrupt file).
class DatabaseError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// Key files and signatures.
class KeyError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// Login refused. The message never says whether the ID exists.
class AuthError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// A request that is well-formed but not allowed or not valid (bad ID, short password, unknown
// user, duplicate user, ...).
class UserError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

// Data directory problems (no register, already a register, bad permissions).
class StoreError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

}  // namespace massho::records

namespace massho::records {

// A signed note, checkpoint or proof that does not follow its C2SP format.
class NoteFormatError : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

}  // namespace massho::records
