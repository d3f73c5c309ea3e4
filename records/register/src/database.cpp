#include "massho/records/register/database.h"

#include <atomic>

#include "massho/records/register/errors.h"
#include "schema.h"

namespace massho::records {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// Moves a statement's scan and VM counters into the connection's totals (and zeroes them).
void account(sqlite3_stmt* s, ReadWork& work) {
    work.fullScanSteps +=
        static_cast<uint64_t>(sqlite3_stmt_status(s, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1));
    work.vmSteps += static_cast<uint64_t>(sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1));
}

}  // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* s) const {
    if (s && work) account(s, *work);
    sqlite3_finalize(s);
}

Statement::Statement(Database& db, std::string_view sql) : db_(db), stmt_(nullptr, {&db.work()}) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        db.fail("preparing a statement");
    stmt_.reset(raw);
}

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) db_.fail("binding a value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("binding a value");
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    static const char kEmpty = 0;
    if (sqlite3_bind_blob(stmt_.get(), index, bytes.empty() ? &kEmpty : bytes.data(),
                          static_cast<int>(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("binding a value");
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) db_.fail("binding a value");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) {
        ++db_.work().rows;
        return true;
    }
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_.get());
    db_.fail("running a statement");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    account(stmt_.get(), db_.work());
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_.get(), column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_.get(), column);
    int n = sqlite3_column_bytes(stmt_.get(), column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n))
             : std::string();
}

std::string_view Statement::textView(int column) const {
    const auto* p = sqlite3_column_text(stmt_.get(), column);
    int n = sqlite3_column_bytes(stmt_.get(), column);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n))
             : std::string_view();
}

std::string Statement::blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_.get(), column);
    int n = sqlite3_column_bytes(stmt_.get(), column);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

std::string_view Statement::blobView(int column) const {
    const void* p = sqlite3_column_blob(stmt_.get(), column);
    int n = sqlite3_column_bytes(stmt_.get(), column);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n))
             : std::string_view();
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

Database::Database(const std::filesystem::path& file, Mode mode,
                   const std::vector<Migration>& schema)
    : path_(file), mode_(mode), schema_(schema) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
    flags |= mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == Mode::Create) flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) {
        std::string reason = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        throw DatabaseError("cannot open the register database " + file.string() + ": " + reason);
    }
    sqlite3_extended_result_codes(raw, 1);
    configure();
    if (mode != Mode::ReadOnly) migrate();
}

void Database::configure() {
    sqlite3_busy_timeout(handle(), kBusyTimeoutMs);
    // SQLITE_DBCONFIG_DEFENSIVE: no writable_schema, no corrupting PRAGMAs from SQL.
    if (sqlite3_db_config(handle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr) != SQLITE_OK)
        fail("enabling defensive mode");
    exec("PRAGMA trusted_schema=OFF");
    exec("PRAGMA foreign_keys=ON");
    // WAL is persistent in the file; synchronous is per connection, so set both every time.
    if (mode_ != Mode::ReadOnly) exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(handle(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string reason = message ? message : sqlite3_errmsg(handle());
        sqlite3_free(message);
        throwFullDiskIfSo();
        throw DatabaseError("register database " + path_.string() + ": " + reason);
    }
}

// A full disk is the one database failure a person can mend: say so, and that nothing was kept
// (SQLite rolls the transaction back, so no entry is half-written).
void Database::throwFullDiskIfSo() const {
    if ((sqlite3_extended_errcode(handle()) & 0xff) != SQLITE_FULL) return;
    throw DatabaseError("the disk holding the register database " + path_.string() +
                        " is full: nothing was recorded; free space on it and try again");
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(handle()) == 0;
}

int Database::schemaVersion() {
    Statement probe(*this,
                    "SELECT count(*) FROM sqlite_schema WHERE type='table' AND "
                    "name='schema_version'");
    probe.step();
    if (probe.integer(0) == 0) return 0;
    Statement version(*this, "SELECT max(version) FROM schema_version");
    if (!version.step() || version.isNull(0)) return 0;
    return static_cast<int>(version.integer(0));
}

void Database::migrate() {
    {
        Transaction tx(*this);
        exec(detail::kSchemaVersionTable);
        tx.commit();
    }
    int current = schemaVersion();
    int newest = schema_.back().version;
    if (current > newest)
        throw DatabaseError("register database " + path_.string() + " has schema version " +
                            std::to_string(current) + ", newer than this software knows (" +
                            std::to_string(newest) + "): upgrade massho");
    for (const Migration& m : schema_) {
        if (m.version <= current) continue;
        Transaction tx(*this);
        exec(m.sql);
        Statement record(*this, "INSERT INTO schema_version(version) VALUES(?)");
        record.bind(1, int64_t{m.version}).run();
        tx.commit();
    }
}

void Database::fail(const std::string& what) const {
    throwFullDiskIfSo();
    throw DatabaseError("register database " + path_.string() + ": " + what +
                        " failed: " + sqlite3_errmsg(handle()));
}

ReadTransaction::ReadTransaction(Database& db) : db_(db), mine_(!db.inTransaction()) {
    if (mine_) db_.exec("BEGIN");
}

ReadTransaction::~ReadTransaction() {
    if (!mine_) return;
    try {
        db_.exec("COMMIT");
    } catch (const std::exception&) {
        // Ending a transaction that only read cannot lose anything: the connection's next
        // statement reports a real problem.
    }
}

Transaction::Transaction(Database& db) : db_(db) {
    static std::atomic<uint64_t> counter{0};
    if (db.inTransaction()) {
        savepoint_ = "massho_sp_" + std::to_string(++counter);
        db_.exec("SAVEPOINT " + savepoint_);
    } else {
        db_.exec("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction() {
    if (done_) return;
    // Errors here cannot be reported (destructor); SQLite leaves the database unchanged anyway.
    if (savepoint_.empty()) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        std::string sql = "ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_;
        sqlite3_exec(db_.handle(), sql.c_str(), nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.exec(savepoint_.empty() ? "COMMIT" : "RELEASE " + savepoint_);
    done_ = true;
}

}  // namespace massho::records
