#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "massho/records/register/database.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/signing_key.h"

namespace massho::records {

// A witness (C2SP tlog-witness / tlog-cosignature v1): keeps its own Ed25519 cosignature key
// (type 0x04) and, per log origin, the last checkpoint it cosigned; cosigns a new checkpoint only
// when it is signed by the log's key and provably consistent with what it saw before.
// Folder: witness.key (0600), witness.vkey, witness.db.
class Witness {
  public:
    static Witness create(const std::filesystem::path& dir, const std::string& name);
    static Witness open(const std::filesystem::path& dir);

    Witness(Witness&&) noexcept;
    Witness& operator=(Witness&&) noexcept;
    ~Witness();

    std::string vkey() const { return key_->vkey(); }
    const std::string& name() const { return key_->name(); }

    // `request` is a tlog-witness add-checkpoint body (Register::witnessRequest): "old <size>\n",
    // consistency proof hashes, a blank line, the checkpoint note. Returns the cosignature line
    // ("— <name> <base64>\n"). Throws WitnessRefusal when the old size is not the one this
    // witness saw, the proof fails, the log signature is bad, or the log went backwards.
    std::string addCheckpoint(std::string_view request, const std::string& logVkey,
                              uint64_t unixTime);

    // Follows a log's key rotation (Register::keyRotationEvidence): the key-rotated entry must be
    // the last leaf of the tree this witness last cosigned (so the old key signed it), proven by
    // its inclusion proof against the root the witness stored, and must name the key the witness
    // knows as the old one. From then on the witness expects the new key. Returns the new vkey.
    // Throws WitnessRefusal otherwise.
    std::string followKeyRotation(std::string_view evidence);

    // The log key this witness currently expects for an origin.
    std::optional<std::string> logVkey(const std::string& origin) const;

    // The size last cosigned for a log origin.
    std::optional<uint64_t> lastSize(const std::string& origin) const;

  private:
    Witness(std::unique_ptr<SigningKey> key, std::unique_ptr<Database> db);
    std::unique_ptr<SigningKey> key_;
    std::unique_ptr<Database> db_;
};

class WitnessRefusal : public RecordsError {
  public:
    using RecordsError::RecordsError;
};

}  // namespace massho::records
