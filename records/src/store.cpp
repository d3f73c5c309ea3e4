#include "massho/records/store.h"

#include <sys/stat.h>

#include <fstream>
#include <system_error>

#include "massho/records/canonical_json.h"
#include "massho/records/errors.h"

#ifndef MASSHO_VERSION
#define MASSHO_VERSION "unknown"
#endif

namespace massho::records {
namespace fs = std::filesystem;
namespace {

void prepareEmptyDir(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / Store::kDatabaseFile, ec))
        throw StoreError(dir.string() + " already holds a register (" + Store::kDatabaseFile +
                         "): refusing to overwrite it");
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) throw StoreError(dir.string() + " is not a folder");
        if (!fs::is_empty(dir, ec))
            throw StoreError(dir.string() +
                             " is not empty: choose a new or empty folder for the register");
    } else if (!fs::create_directories(dir, ec) || ec) {
        throw StoreError("cannot create " + dir.string() + ": " + ec.message());
    }
    if (::chmod(dir.c_str(), 0700) != 0)
        throw StoreError("cannot restrict " + dir.string() + " to its owner (chmod 700)");
}

void writeTextFile(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw StoreError("cannot write " + file.string() + ": check space and permissions");
}

// Removes what a failed create() made, so that `massho init` can simply be run again.
class CreateGuard {
  public:
    explicit CreateGuard(fs::path dir) : dir_(std::move(dir)) {}
    ~CreateGuard() {
        if (done_) return;
        std::error_code ec;
        for (const char* name : {Store::kKeyFile, Store::kVkeyFile, Store::kDatabaseFile,
                                 "massho.db-wal", "massho.db-shm"})
            fs::remove(dir_ / name, ec);
    }
    void done() { done_ = true; }

  private:
    fs::path dir_;
    bool done_ = false;
};

void putSetting(Database& db, const std::string& key, const std::string& value) {
    Statement s(db, "INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)");
    s.bind(1, key).bind(2, value).run();
}

}  // namespace

Store::Store(fs::path dir, Access access, Clock clock)
    : dir_(std::move(dir)), clock_(std::move(clock)) {
    db_ = std::make_unique<Database>(dir_ / kDatabaseFile, access == Access::ReadOnly
                                                               ? Database::Mode::ReadOnly
                                                               : Database::Mode::Create);
    log_ = std::make_unique<Register>(*db_);
    config_ = Config::loadFromDir(dir_);
    users_ = std::make_unique<Users>(
        *db_, *log_, clock_,
        UserPolicy{config_.password, config_.maxFailedLogins, config_.lockout});
    requests_ = std::make_unique<Requests>(*db_, *log_, *users_, clock_, config_.approvalValidity);
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const fs::path& dir, const std::string& origin, const std::string& adminId,
                    const std::string& adminName, std::string_view adminPassword, Clock clock) {
    if (!isValidKeyName(origin))
        throw StoreError("origin \"" + origin.substr(0, 80) +
                         "\" is invalid: use printable ASCII without spaces or '+', e.g. "
                         "city.example.jp/massho");
    if (!isValidUserId(adminId))
        throw UserError("user ID \"" + adminId.substr(0, 40) +
                        "\" is invalid: use 1-32 of a-z 0-9 . _ - starting with a letter or digit");
    checkPasswordStrength(adminPassword, adminId, PasswordRules{});
    prepareEmptyDir(dir);
    CreateGuard guard(dir);

    SigningKey key = SigningKey::generate(origin);
    key.save(dir / kKeyFile);
    std::string vkey = key.vkey();
    writeTextFile(dir / kVkeyFile, vkey + "\n");

    Store store(dir, Access::ReadWrite, std::move(clock));
    {
        Transaction tx(store.database());
        putSetting(store.database(), "origin", origin);
        putSetting(store.database(), "vkey", vkey);
        EntryBuilder created("register-created", store.clock_);
        created.set("origin", origin).set("vkey", vkey).set("software", "massho " MASSHO_VERSION);
        store.log().append(created.finish());
        store.users().addInitialAdmin({adminId, adminName, {Role::Admin}, std::nullopt},
                                      adminPassword);
        tx.commit();
    }
    store.origin_ = origin;
    store.vkey_ = vkey;
    store.key_ = std::move(key);
    guard.done();
    return store;
}

Store Store::open(const fs::path& dir, Access access, Clock clock) {
    std::error_code ec;
    if (!fs::exists(dir / kDatabaseFile, ec))
        throw StoreError("no register in " + dir.string() + ": run massho init first");
    Store store(dir, access, std::move(clock));
    store.loadSettings();
    return store;
}

void Store::loadSettings() {
    Statement select(*db_, "SELECT key, value FROM settings WHERE key IN ('origin', 'vkey')");
    while (select.step()) (select.text(0) == "origin" ? origin_ : vkey_) = select.text(1);
    if (origin_.empty() || vkey_.empty())
        throw StoreError("register in " + dir_.string() +
                         " has no origin or verifier key: it was not created by massho init");
}

const SigningKey& Store::signingKey() {
    if (!key_) {
        std::error_code ec;
        if (!fs::exists(dir_ / kKeyFile, ec))
            throw KeyError("no signing key in " + dir_.string() +
                           ": this copy of the register can be read and verified, not written");
        SigningKey loaded = SigningKey::load(dir_ / kKeyFile);
        if (loaded.vkey() != vkey_)
            throw KeyError("signing key " + (dir_ / kKeyFile).string() +
                           " does not match the register's verifier key: restore the right key");
        key_ = std::move(loaded);
    }
    return *key_;
}

bool Store::hasSigningKey() const {
    std::error_code ec;
    return key_.has_value() || fs::exists(dir_ / kKeyFile, ec);
}

}  // namespace massho::records
