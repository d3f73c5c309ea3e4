#include "schema.h"

// The schema of the SQLite files massho writes: DIR/massho.db (the register, the people, the
// media ledger, the jobs in flight) and a witness's witness.db. Every table of a file is created
// here, by one ladder of migrations; nothing creates a table on first use. Database::migrate()
// runs each migration newer than the file's schema_version in its own transaction.
//
// Rules for the ladder:
// - A migration that has shipped is never edited, not even its white space: data directories in
//   the field were made by it, and a fresh file must end where an upgraded one does
//   (tests/records/register/old_database_test.cpp pins v1-v4 and opens files that older builds
//   wrote, tests/records/register/old_databases/).
// - A change is a new migration at the end, with a comment saying what it adds and why.
// - v5-v7 are tables that builds before them created on first use (CREATE TABLE IF NOT EXISTS in
//   the code that used them), so a file may already hold them at any older version: they use
//   IF NOT EXISTS, and their columns are exactly what that code created.

namespace massho::records {
namespace {

// Version 1: the entry log, users and settings. Triggers refuse UPDATE and DELETE on entries: a
// guard against bugs (root can drop them); the real protection is the Merkle tree and checkpoints.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE entries(
  idx INTEGER PRIMARY KEY CHECK (idx >= 0),
  bytes BLOB NOT NULL
);
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
  BEGIN SELECT RAISE(ABORT, 'register entries cannot be changed'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
  BEGIN SELECT RAISE(ABORT, 'register entries cannot be deleted'); END;
CREATE TABLE users(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  expires TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  created TEXT NOT NULL,
  last_login TEXT,
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  password_changed TEXT NOT NULL
);
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// Version 2 (the signed register): stored Merkle tree nodes, one signed checkpoint per
// tree size, witness cosignatures. All append-only, guarded like entries.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE tree_nodes(
  level INTEGER NOT NULL CHECK (level >= 0 AND level < 64),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  hash BLOB NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TRIGGER tree_nodes_no_update BEFORE UPDATE ON tree_nodes
  BEGIN SELECT RAISE(ABORT, 'register tree nodes cannot be changed'); END;
CREATE TRIGGER tree_nodes_no_delete BEFORE DELETE ON tree_nodes
  BEGIN SELECT RAISE(ABORT, 'register tree nodes cannot be deleted'); END;
CREATE TABLE checkpoints(
  size INTEGER PRIMARY KEY CHECK (size > 0),
  note BLOB NOT NULL
);
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'register checkpoints cannot be changed'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'register checkpoints cannot be deleted'); END;
CREATE TABLE cosignatures(
  size INTEGER NOT NULL REFERENCES checkpoints(size),
  witness TEXT NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY (size, witness)
);
CREATE TRIGGER cosignatures_no_update BEFORE UPDATE ON cosignatures
  BEGIN SELECT RAISE(ABORT, 'witness cosignatures cannot be changed'); END;
CREATE TRIGGER cosignatures_no_delete BEFORE DELETE ON cosignatures
  BEGIN SELECT RAISE(ABORT, 'witness cosignatures cannot be deleted'); END;
)sql";

// Version 3 (people and approvals): the last failure time of known users, login
// throttling of unknown IDs (refused before scrypt, like known ones), and requests with their
// approvals. States of a request: pending → approved | rejected; approved → claimed (one erasure
// or carry-out running) → used, or back to approved when that run failed or was cancelled.
constexpr const char* kSchemaV3 = R"sql(
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

// Version 4 (logins): refusals of a locked ID are counted here, not appended one by one: a
// locked ID is refused without scrypt, so without this a person at the keyboard could grow the
// register as fast as they can press Enter. When the lock has ended, the count becomes one
// login-failed entry (reason "locked", with count, first and last). The ID '' stands for every
// malformed ID.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE login_refusals_while_locked(
  id TEXT PRIMARY KEY,
  count INTEGER NOT NULL CHECK (count > 0),
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  locked_until TEXT NOT NULL
);
CREATE INDEX login_refusals_by_end ON login_refusals_while_locked(locked_until);
)sql";

// Version 5 (carry-out): the recipient key book, the age public keys of the offices a
// medium may be carried out to, so that the kiosk offers a list instead of a typed key. Builds
// from ad84395 on created it on first use with exactly these columns.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE IF NOT EXISTS recipients(
  name TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  label TEXT NOT NULL,
  added TEXT NOT NULL,
  added_by TEXT NOT NULL
);
)sql";

// Version 6 (interrupted erasures are recorded, Art. 16(3)): erasures and carry-outs in flight,
// one row from the `...-started` entry to the final one, so that a job whose process died is
// recorded as interrupted (massho::operations::JobJournal). Builds from b698c0e on created it on
// first use with exactly these columns.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE IF NOT EXISTS erasure_jobs(
  started_entry INTEGER PRIMARY KEY,
  pid INTEGER NOT NULL,
  boot_id TEXT NOT NULL,
  device TEXT NOT NULL
);
)sql";

// Version 7 (the media ledger): the ledger's tables, a fold of the signed register that
// can always be rebuilt from it: one row per medium, one per event, and the next register index
// the fold has not applied yet (0 on a new or upgraded file: the ledger then folds the whole
// register once). Builds from 1727efd on created them on first use with exactly these columns.
constexpr const char* kSchemaV7 = R"sql(
CREATE TABLE IF NOT EXISTS media(
  tag TEXT PRIMARY KEY,
  serial TEXT NOT NULL,
  state TEXT NOT NULL,
  row TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS media_by_serial ON media(serial);
CREATE TABLE IF NOT EXISTS media_events(
  idx INTEGER PRIMARY KEY,
  tag TEXT NOT NULL,
  row TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS media_events_by_tag ON media_events(tag);
CREATE TABLE IF NOT EXISTS media_cursor(
  id INTEGER PRIMARY KEY CHECK(id = 0),
  next_index INTEGER NOT NULL
);
INSERT OR IGNORE INTO media_cursor(id, next_index) VALUES(0, 0);
)sql";

// Version 8 (the daily read paths at a million entries, issue 17): what each entry is filed
// under (entry_keys.h: a certificate by the entry it certifies, an erasure by when it ended and
// by its request), so that `certificate`, `certificate batch` and `certificate list` read their
// answer instead of the whole register; and the ledger's media and the requests by state, for
// `media list --state` and `request list --state`. Entries already in the file are filed here by
// the rules entryKeys() applies to every later append (json_type: an integer entry, a text ended
// or request); append-only like the entries.
constexpr const char* kSchemaV8 = R"sql(
CREATE TABLE entry_keys(
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  idx INTEGER NOT NULL CHECK (idx >= 0),
  PRIMARY KEY (name, value, idx)
) WITHOUT ROWID;
CREATE TRIGGER entry_keys_no_update BEFORE UPDATE ON entry_keys
  BEGIN SELECT RAISE(ABORT, 'register entry keys cannot be changed'); END;
CREATE TRIGGER entry_keys_no_delete BEFORE DELETE ON entry_keys
  BEGIN SELECT RAISE(ABORT, 'register entry keys cannot be deleted'); END;
INSERT INTO entry_keys(name, value, idx)
  SELECT 'certificate-for', json_extract(j, '$.entry'), idx
  FROM (SELECT idx, CAST(bytes AS TEXT) AS j FROM entries)
  WHERE json_extract(j, '$.kind') = 'certificate-issued' AND json_type(j, '$.entry') = 'integer';
INSERT INTO entry_keys(name, value, idx)
  SELECT 'erasure-ended', json_extract(j, '$.ended'), idx
  FROM (SELECT idx, CAST(bytes AS TEXT) AS j FROM entries)
  WHERE json_extract(j, '$.kind') = 'erasure' AND json_type(j, '$.ended') = 'text';
INSERT INTO entry_keys(name, value, idx)
  SELECT 'erasure-request', json_extract(j, '$.request'), idx
  FROM (SELECT idx, CAST(bytes AS TEXT) AS j FROM entries)
  WHERE json_extract(j, '$.kind') = 'erasure' AND json_type(j, '$.request') = 'text';
CREATE INDEX media_by_state ON media(state);
CREATE INDEX requests_by_state ON requests(state);
)sql";

// Version 9 (the whole media list at a million entries, issue 17): the columns `media list`
// prints, beside the row they come from, so that listing every medium steps columns instead of
// parsing each row's JSON; and an index holding them in tag order, so that the list reads it
// from start to end without visiting the table. Rows already in the file get their columns from
// their row here, as MediaLedger::save() writes them for every later change.
constexpr const char* kSchemaV9 = R"sql(
ALTER TABLE media ADD COLUMN class INTEGER NOT NULL DEFAULT 4;
ALTER TABLE media ADD COLUMN my_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN media_type TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN location TEXT NOT NULL DEFAULT '';
UPDATE media SET
  class = coalesce(json_extract(row, '$.class'), 4),
  my_number = coalesce(json_extract(row, '$.my_number'), 0),
  media_type = coalesce(json_extract(row, '$.media_type'), ''),
  location = coalesce(json_extract(row, '$.location'), '');
CREATE INDEX media_listing ON media(tag, class, my_number, media_type, state, serial, location);
)sql";

// Version 10 (issue 17): what `request list` prints, in request order, in an index of its own:
// the ID, the state and the approval's expiry (which decide the shown state) and `listed`, the
// other printed fields joined as "<byte length>:<text>" each (purpose, class, asset, requester,
// decider or "-", method, device path, model, serial, size; written once, in view
// requests_listed), kept by triggers on every insert and change of those fields and filled here
// for the rows already in the file; so that listing every request steps four columns of that
// index instead of a dozen (notes, destinations, reasons, entry numbers stay in the table).
// And the keys a returning medium is matched by (entry_keys.h): a carry-out by its device serial
// and its FAT volume serial, a carry-in by the carry-out it returns, so that carry-in finds its
// carry-out without reading the register. Entries already in the file are filed by the rules
// entryKeys() applies to every later append; instr() passes over the entries of other kinds
// without parsing them. OR IGNORE: a file made with the ladder cut before this version
// (old_database_maker, tests) may have filed them. And each ledger event's time beside its row,
// indexed, so that the media reports (as of a date, closures in a period) read the events of
// that time instead of replaying the register; events already in the file get it from their
// row, as MediaLedger::saveEvent() writes it for later ones.
constexpr const char* kSchemaV10 = R"sql(
ALTER TABLE media_events ADD COLUMN time TEXT NOT NULL DEFAULT '';
UPDATE media_events SET time = coalesce(json_extract(row, '$.time'), '');
CREATE INDEX media_events_by_time ON media_events(time);
ALTER TABLE requests ADD COLUMN listed TEXT NOT NULL DEFAULT '';
CREATE VIEW requests_listed AS SELECT seq,
    length(CAST(purpose AS BLOB)) || ':' || purpose ||
    length(CAST(class AS BLOB)) || ':' || class ||
    length(CAST(asset AS BLOB)) || ':' || asset ||
    length(CAST(requester AS BLOB)) || ':' || requester ||
    length(CAST(coalesce(decided_by, '-') AS BLOB)) || ':' || coalesce(decided_by, '-') ||
    length(CAST(method AS BLOB)) || ':' || method ||
    length(CAST(device_path AS BLOB)) || ':' || device_path ||
    length(CAST(device_model AS BLOB)) || ':' || device_model ||
    length(CAST(device_serial AS BLOB)) || ':' || device_serial ||
    length(CAST(device_size AS BLOB)) || ':' || device_size AS listed
  FROM requests;
UPDATE requests SET listed = (SELECT v.listed FROM requests_listed v WHERE v.seq = requests.seq);
CREATE TRIGGER requests_listed_on_insert AFTER INSERT ON requests BEGIN
  UPDATE requests SET listed = (SELECT listed FROM requests_listed WHERE seq = NEW.seq)
  WHERE seq = NEW.seq;
END;
CREATE TRIGGER requests_listed_on_update AFTER UPDATE OF purpose, class, asset, requester,
  decided_by, method, device_path, device_model, device_serial, device_size ON requests BEGIN
  UPDATE requests SET listed = (SELECT listed FROM requests_listed WHERE seq = NEW.seq)
  WHERE seq = NEW.seq;
END;
CREATE INDEX requests_listing ON requests(seq, id, state, approval_expires, listed);
INSERT OR IGNORE INTO entry_keys(name, value, idx)
  SELECT 'carry-out-serial', json_extract(j, '$.device_serial'), idx
  FROM (SELECT idx, CAST(bytes AS TEXT) AS j FROM entries
        WHERE instr(CAST(bytes AS TEXT), '"kind":"carry-out"') > 0)
  WHERE json_extract(j, '$.kind') = 'carry-out' AND json_type(j, '$.device_serial') = 'text';
INSERT OR IGNORE INTO entry_keys(name, value, idx)
  SELECT 'carry-out-volume', json_extract(j, '$.volume_id'), idx
  FROM (SELECT idx, CAST(bytes AS TEXT) AS j FROM entries
        WHERE instr(CAST(bytes AS TEXT), '"kind":"carry-out"') > 0)
  WHERE json_extract(j, '$.kind') = 'carry-out' AND json_type(j, '$.volume_id') = 'text';
INSERT OR IGNORE INTO entry_keys(name, value, idx)
  SELECT 'carry-in-for', json_extract(j, '$.carry_out_index'), idx
  FROM (SELECT idx, CAST(bytes AS TEXT) AS j FROM entries
        WHERE instr(CAST(bytes AS TEXT), '"kind":"carry-in"') > 0)
  WHERE json_extract(j, '$.kind') = 'carry-in' AND json_type(j, '$.carry_out_index') = 'integer';
)sql";
// witness.db, version 1: the latest checkpoint a witness has cosigned for each log.
constexpr const char* kWitnessSchemaV1 = R"sql(
CREATE TABLE logs(
  origin TEXT PRIMARY KEY,
  vkey TEXT NOT NULL,
  size INTEGER NOT NULL,
  root BLOB NOT NULL,
  note BLOB NOT NULL
);
)sql";

}  // namespace

namespace detail {

// Which migrations a file has had, and when (UTC). Created before the ladder runs, so that
// schemaVersion() can read it; a file without it is at version 0.
const char* const kSchemaVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, applied TEXT "
    "NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";

const std::vector<Migration>& witnessMigrations() {
    static const std::vector<Migration> list = {{1, kWitnessSchemaV1}};
    return list;
}

}  // namespace detail

const std::vector<Migration>& Database::migrations() {
    static const std::vector<Migration> list = {
        {1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}, {4, kSchemaV4}, {5, kSchemaV5},
        {6, kSchemaV6}, {7, kSchemaV7}, {8, kSchemaV8}, {9, kSchemaV9}, {10, kSchemaV10},
    };
    return list;
}

}  // namespace massho::records
