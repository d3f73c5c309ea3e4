#include "schema.h"

namespace massho::records::detail {

// States of a request: pending → approved | rejected; approved → claimed (one erasure or
// carry-out running) → used, or back to approved when that run failed or was cancelled.
const char* const kPeopleSchema = R"sql(
ALTER TABLE users ADD COLUMN last_failure TEXT;
CREATE TABLE login_throttle(
  id TEXT PRIMARY KEY,
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_failure TEXT NOT NULL
);
CREATE TABLE requests(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('erase', 'carryout')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'claimed', 'used')),
  requester TEXT NOT NULL REFERENCES users(id),
  created TEXT NOT NULL,
  purpose TEXT NOT NULL,
  class INTEGER NOT NULL CHECK (class BETWEEN 1 AND 4),
  asset TEXT NOT NULL,
  method TEXT NOT NULL,
  destination TEXT NOT NULL,
  note TEXT NOT NULL,
  device_path TEXT NOT NULL,
  device_model TEXT NOT NULL,
  device_serial TEXT NOT NULL,
  device_size INTEGER NOT NULL,
  request_entry INTEGER NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided TEXT,
  reason TEXT,
  approval_expires TEXT,
  decision_entry INTEGER,
  claimed_by TEXT,
  used_entry INTEGER
);
)sql";

// Refusals of a locked ID are counted here, not appended one by one: a locked ID is refused
// without scrypt, so without this a person at the keyboard could grow the register as fast as
// they can press Enter. When the lock has ended, the count becomes one login-failed entry
// (reason "locked", with count, first and last). The ID '' stands for every malformed ID.
const char* const kLockedRefusalsSchema = R"sql(
CREATE TABLE login_refusals_while_locked(
  id TEXT PRIMARY KEY,
  count INTEGER NOT NULL CHECK (count > 0),
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  locked_until TEXT NOT NULL
);
CREATE INDEX login_refusals_by_end ON login_refusals_while_locked(locked_until);
)sql";

}  // namespace massho::records::detail
