#pragma once

#include <vector>

#include "massho/records/register/database.h"

// The schema of massho's SQLite files, in schema.cpp: the ladder of DIR/massho.db is
// Database::migrations(); these are the two other pieces Database and Witness need.
namespace massho::records::detail {

// The table that records which migrations a file has had.
extern const char* const kSchemaVersionTable;
// The ladder of a witness's own file, witness.db (not massho.db).
const std::vector<Migration>& witnessMigrations();

}  // namespace massho::records::detail
