#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

class Database;

// What a connection's statements have read (Database::work()): rows handed back to the caller,
// rows a full table scan stepped over, and SQLite's virtual machine steps. The benchmarks print
// them and the tests use them to show that a read path reads its answer, not the register.
struct ReadWork {
    uint64_t rows = 0;
    uint64_t fullScanSteps = 0;
    uint64_t vmSteps = 0;
};

// One prepared statement (RAII over sqlite3_stmt). Bind parameters are 1-based as in SQLite.
class Statement {
  public:
    Statement(Database& db, std::string_view sql);

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);

    // Steps once: true while a row is available, false when done. Throws DatabaseError otherwise.
    bool step();
    // Steps to completion (for statements that return no rows).
    void run();
    void reset();

    bool isNull(int column) const;
    int64_t integer(int column) const;
    std::string text(int column) const;
    // The column's text without a copy: valid until the next step() or reset().
    std::string_view textView(int column) const;
    std::string blob(int column) const;
    // The column's bytes without a copy: valid until the next step() or reset().
    std::string_view blobView(int column) const;
    std::optional<std::string> optionalText(int column) const;

  private:
    // Adds the statement's counters to its connection's ReadWork before finalizing it.
    struct Finalizer {
        ReadWork* work;
        void operator()(sqlite3_stmt* s) const;
    };
    Database& db_;
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// A migration from schema version N-1 to N: one block of SQL run inside one transaction.
struct Migration {
    int version;
    const char* sql;
};

// RAII over one SQLite connection to DIR/massho.db. Every open sets WAL, synchronous=FULL,
// defensive mode, trusted_schema=OFF, foreign keys and a busy timeout (sqlite.org), and
// (read-write) applies pending migrations.
class Database {
  public:
    enum class Mode { ReadWrite, Create, ReadOnly };

    // `schema`: the ordered migrations for this file (default: the register's).
    Database(const std::filesystem::path& file, Mode mode,
             const std::vector<Migration>& schema = migrations());
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_.get(); }
    const std::filesystem::path& path() const { return path_; }
    bool readOnly() const { return mode_ == Mode::ReadOnly; }

    void exec(const std::string& sql);
    bool inTransaction() const;
    int schemaVersion();

    // Throws DatabaseError with a one-line message naming `what` and SQLite's reason.
    [[noreturn]] void fail(const std::string& what) const;
    // Throws a DatabaseError saying the disk is full when the last failure was SQLITE_FULL.
    void throwFullDiskIfSo() const;

    // What this connection's statements have read since it was opened (finished and reset
    // statements; a statement still stepping counts its rows so far).
    const ReadWork& work() const { return work_; }
    ReadWork& work() { return work_; }

    // The one ladder of DIR/massho.db, oldest first: every table of the file (src/schema.cpp).
    static const std::vector<Migration>& migrations();

  private:
    void configure();
    void migrate();

    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    std::filesystem::path path_;
    Mode mode_;
    const std::vector<Migration>& schema_;
    ReadWork work_;
    std::unique_ptr<sqlite3, Closer> db_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed. Nested inside an
// open transaction it becomes a SAVEPOINT, so an inner failure undoes only its own part.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Database& db_;
    std::string savepoint_;  // empty: the outermost transaction
    bool done_ = false;
};

// One read transaction around many single-row reads (unless the caller's transaction is open):
// outside one, every step takes and drops SQLite's shared lock (fcntl calls on the WAL index),
// which was a third of the time of a year's disposal list; and every read sees one state of the
// file. COMMIT only ends the read.
class ReadTransaction {
  public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    Database& db_;
    bool mine_;
};

}  // namespace massho::records
