#include "massho/records/people/store.h"

#include <sys/stat.h>

#include <fstream>
#include <system_error>

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/durable_file.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"

#ifndef MASSHO_VERSION
#define MASSHO_VERSION "unknown"
#endif

namespace massho::records {
namespace fs = std::filesystem;
namespace {

// The data directory may be the top folder of a file system of its own (the appliance mounts one
// on /var/lib/massho), where mkfs and e2fsck keep an empty lost+found: that folder counts as
// empty. A lost+found holding anything (e2fsck put a file there) does not.
bool emptyButForLostFound(const fs::path& dir) {
    std::error_code listing;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, listing)) {
        std::error_code ec;
        if (entry.path().filename() != "lost+found" || entry.is_symlink(ec) ||
            !entry.is_directory(ec) || !fs::is_empty(entry.path(), ec) || ec)
            return false;
    }
    return !listing;
}

void prepareEmptyDir(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / Store::kDatabaseFile, ec))
        throw StoreError(dir.string() + " already holds a register (" + Store::kDatabaseFile +
                         "): refusing to overwrite it");
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) throw StoreError(dir.string() + " is not a folder");
        if (!emptyButForLostFound(dir))
            throw StoreError(dir.string() +
                             " is not empty: choose a new or empty folder for the register");
    } else if (!fs::create_directories(dir, ec) || ec) {
        throw StoreError("cannot create " + dir.string() + ": " + ec.message());
    }
    if (::chmod(dir.c_str(), 0700) != 0)
        throw StoreError("cannot restrict " + dir.string() + " to its owner (chmod 700)");
}

// Durably: register.vkey must not come back empty after a power failure (the register would
// then look signed by an unknown key).
void writeTextFile(const fs::path& file, const std::string& text) {
    try {
        writeFileDurably(file, text);
    } catch (const std::runtime_error& e) {
        throw StoreError(std::string(e.what()) + ": check space and permissions");
    }
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

// The signing key, loaded on demand. Lives on the heap so that the register's key provider
// stays valid when the Store is moved.
struct Store::KeyState {
    fs::path dir;
    std::string vkey;  // the register's current verifier key (settings)
    std::optional<SigningKey> key;

    const SigningKey& get() {
        if (!key) key = load();
        return *key;
    }

    SigningKey load() const {
        std::error_code ec;
        fs::path file = dir / kKeyFile, next = dir / kNextKeyFile;
        if (!fs::exists(file, ec))
            throw KeyError("no signing key in " + dir.string() +
                           ": this copy of the register can be read and verified, not written");
        SigningKey loaded = SigningKey::load(file);
        if (loaded.vkey() == vkey) return loaded;
        // A rotation committed but interrupted before the new key file was moved into place.
        if (fs::exists(next, ec)) {
            SigningKey rotated = SigningKey::load(next);
            if (rotated.vkey() == vkey) {
                fs::rename(next, file);
                writeTextFile(dir / kVkeyFile, vkey + "\n");
                return rotated;
            }
        }
        throw KeyError("signing key " + file.string() +
                       " does not match the register's verifier key: restore the right key");
    }
};

Store::Store(fs::path dir, Access access, Clock clock)
    : dir_(std::move(dir)), clock_(std::move(clock)) {
    db_ = std::make_unique<Database>(dir_ / kDatabaseFile, access == Access::ReadOnly
                                                               ? Database::Mode::ReadOnly
                                                               : Database::Mode::Create);
    register_ = std::make_unique<Register>(*db_);
    config_ = Config::loadFromDir(dir_);
    users_ = std::make_unique<Users>(
        *db_, *register_, clock_,
        UserPolicy{config_.password, config_.maxFailedLogins, config_.lockout});
    requests_ =
        std::make_unique<Requests>(*db_, *register_, *users_, clock_, config_.approvalValidity);
    key_ = std::make_unique<KeyState>();
    key_->dir = dir_;
}

void Store::attachSigner() {
    key_->vkey = vkey_;
    KeyState* state = key_.get();
    register_->setSigner(origin_, [state]() -> const SigningKey& { return state->get(); });
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const fs::path& dir, const std::string& origin, const std::string& adminId,
                    const std::string& adminName, std::string_view adminPassword, Clock clock) {
    if (!isValidKeyName(origin))
        throw UserError("origin \"" + origin.substr(0, 80) +
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
    store.origin_ = origin;
    store.vkey_ = vkey;
    store.attachSigner();
    store.key_->key = std::move(key);
    {
        Transaction tx(store.database());
        putSetting(store.database(), "origin", origin);
        putSetting(store.database(), "vkey", vkey);
        EntryBuilder created(EntryKind::RegisterCreated, store.clock_);
        created.set("origin", origin).set("vkey", vkey).set("software", "massho " MASSHO_VERSION);
        store.signedRegister().append(created.finish());
        store.users().addInitialAdmin({adminId, adminName, {Role::Admin}, std::nullopt},
                                      adminPassword);
        tx.commit();
    }
    // The new files' names (the database's above all) and the folder's own, past a power failure.
    try {
        syncFolder(dir);
        syncFolder(fs::absolute(dir).parent_path());
    } catch (const std::runtime_error& e) {
        throw StoreError(e.what());
    }
    guard.done();
    return store;
}

Store Store::open(const fs::path& dir, Access access, Clock clock) {
    std::error_code ec;
    if (!fs::exists(dir / kDatabaseFile, ec))
        throw StoreError("no register in " + dir.string() + ": run massho init first");
    Store store(dir, access, std::move(clock));
    store.loadSettings();
    store.attachSigner();
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
    return key_->get();
}

bool Store::hasSigningKey() const {
    std::error_code ec;
    return key_->key.has_value() || fs::exists(dir_ / kKeyFile, ec);
}

std::string Store::rotateKey(const std::string& byAdmin) {
    auto admin = users_->find(byAdmin);
    if (!admin || admin->disabled || !admin->hasRole(Role::Admin))
        throw UserError("\"" + byAdmin.substr(0, 40) +
                        "\" is not an enabled administrator: only an admin may rotate the key");
    const SigningKey& old = signingKey();
    std::string oldVkey = old.vkey();
    SigningKey next = SigningKey::generate(origin_);
    std::string newVkey = next.vkey();
    fs::path nextFile = dir_ / kNextKeyFile;
    std::error_code ec;
    fs::remove(nextFile, ec);  // a leftover of a rotation that never committed
    next.save(nextFile);
    {
        Transaction tx(*db_);
        EntryBuilder entry(EntryKind::KeyRotated, clock_);
        entry.set("old_vkey", oldVkey).set("new_vkey", newVkey).set("by", byAdmin);
        register_->append(entry.finish());  // this entry's checkpoint is signed by the old key
        putSetting(*db_, "vkey", newVkey);
        tx.commit();
    }
    fs::rename(nextFile, dir_ / kKeyFile);
    writeTextFile(dir_ / kVkeyFile, newVkey + "\n");
    vkey_ = newVkey;
    key_->vkey = newVkey;
    key_->key = std::move(next);
    return newVkey;
}

void Store::recordCosignature(uint64_t size, const std::string& witnessVkey,
                              std::string_view line) {
    VerifierKey witness = VerifierKey::parse(witnessVkey);
    Transaction tx(*db_);
    register_->addCosignature(size, witness, line);
    EntryBuilder entry(EntryKind::WitnessCosigned, clock_);
    entry.set("witness", witnessVkey).set("size", static_cast<int64_t>(size));
    register_->append(entry.finish());
    tx.commit();
}

std::string Store::cosignWith(Witness& witness, uint64_t unixTime) {
    followRotations(witness, unixTime);
    uint64_t size = register_->size();
    std::string request = register_->witnessRequest(witness.lastSize(origin_).value_or(0));
    std::string line = witness.addCheckpoint(request, vkey_, unixTime);
    recordCosignature(size, witness.vkey(), line);
    return line;
}

// A witness that last saw the log under an older key first cosigns each old key's last
// checkpoint, then follows the rotation entry to the next key.
void Store::followRotations(Witness& witness, uint64_t unixTime) {
    const auto seen = witness.lastSize(origin_);
    if (!seen) return;  // a new witness starts with the current key
    std::vector<std::pair<uint64_t, std::string>> rotations;  // index, old vkey
    register_->forEach(
        [&](uint64_t index, const std::string& bytes) {
            if (!entryHasKind(bytes, EntryKind::KeyRotated)) return;
            rotations.emplace_back(index, entryString(parseEntry(bytes), "old_vkey"));
        },
        *seen == 0 ? 0 : *seen - 1);
    for (const auto& [index, oldVkey] : rotations) {
        if (witness.logVkey(origin_) != oldVkey) continue;  // followed already
        const uint64_t lastOfOldKey = index + 1;
        const uint64_t at = witness.lastSize(origin_).value_or(0);
        if (at < lastOfOldKey) {
            std::string line = witness.addCheckpoint(register_->witnessRequest(at, lastOfOldKey),
                                                     oldVkey, unixTime);
            recordCosignature(lastOfOldKey, witness.vkey(), line);
        }
        witness.followKeyRotation(register_->keyRotationEvidence(index));
    }
}

ExportResult Store::exportTo(const fs::path& outdir) {
    return exportRegister(*register_, vkey_, outdir);
}

}  // namespace massho::records
