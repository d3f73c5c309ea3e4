#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "massho/records/people/config.h"
#include "massho/records/people/requests.h"
#include "massho/records/people/users.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/database.h"
#include "massho/records/register/export.h"
#include "massho/records/register/register.h"
#include "massho/records/register/signing_key.h"
#include "massho/records/register/witness.h"

namespace massho::records {

// A data directory: DIR/massho.db (register, users, settings), DIR/register.key (the Ed25519
// signing key, 0600) and DIR/register.vkey (the verifier key line).
class Store {
  public:
    enum class Access { ReadWrite, ReadOnly };

    static constexpr const char* kDatabaseFile = "massho.db";
    static constexpr const char* kKeyFile = "register.key";
    static constexpr const char* kVkeyFile = "register.vkey";

    // Creates DIR (0700) unless it exists empty, the key, the vkey file and the database; appends
    // `register-created` (origin, vkey, software) and `user-created` for the first admin
    // (by = "init"). Refuses when DIR already holds a register or anything else.
    static Store create(const std::filesystem::path& dir, const std::string& origin,
                        const std::string& adminId, const std::string& adminName,
                        std::string_view adminPassword, Clock clock = systemClock());
    // "no register in DIR: run massho init first" when there is none.
    static Store open(const std::filesystem::path& dir, Access access = Access::ReadWrite,
                      Clock clock = systemClock());

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::filesystem::path& dir() const { return dir_; }
    Database& database() { return *db_; }
    Register& signedRegister() { return *register_; }
    Users& users() { return *users_; }
    Requests& requests() { return *requests_; }
    // DIR/massho.conf (defaults when absent), read when the store is opened.
    const Config& config() const { return config_; }
    const std::string& origin() const { return origin_; }
    const std::string& vkey() const { return vkey_; }
    const Clock& clock() const { return clock_; }

    // Loaded from DIR/register.key on first use; an auditor's copy has none (throws KeyError).
    const SigningKey& signingKey();
    bool hasSigningKey() const;

    // Key rotation: a new key is generated, a `key-rotated` entry naming old and new
    // vkeys is appended and signed by the OLD key, later checkpoints are signed by the new one,
    // DIR/register.key and DIR/register.vkey are replaced. `byAdmin` must be an enabled admin.
    // Returns the new vkey.
    std::string rotateKey(const std::string& byAdmin);

    static constexpr const char* kNextKeyFile = "register.key.next";

    // Stores a witness's cosignature line for checkpoint `size` (verified first) and appends a
    // `witness-cosigned` entry naming the witness and the size.
    void recordCosignature(uint64_t size, const std::string& witnessVkey, std::string_view line);

    // The whole witness round: asks `witness` to cosign the latest checkpoint (with a
    // consistency proof from the size it last saw), stores the cosignature and records it.
    // Returns the cosignature line. Throws WitnessRefusal when the witness refuses.
    // A witness that last saw an older key is first walked through each rotation: the old key's
    // last checkpoint, then the rotation entry (Witness::followKeyRotation).
    std::string cosignWith(Witness& witness, uint64_t unixTime);

    // Writes the export folder (see export.h) for the latest checkpoint.
    ExportResult exportTo(const std::filesystem::path& outdir);

  private:
    void followRotations(Witness& witness, uint64_t unixTime);
    struct KeyState;
    Store(std::filesystem::path dir, Access access, Clock clock);
    void loadSettings();
    void attachSigner();

    std::filesystem::path dir_;
    Clock clock_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<Register> register_;
    std::unique_ptr<Users> users_;
    Config config_;
    std::unique_ptr<Requests> requests_;
    std::string origin_;
    std::string vkey_;
    std::unique_ptr<KeyState> key_;  // on the heap: the register's key provider points at it
};

}  // namespace massho::records
