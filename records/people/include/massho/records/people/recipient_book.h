#pragma once

#include <optional>
#include <string>
#include <vector>

#include "massho/records/register/database.h"
#include "massho/records/register/register.h"

namespace massho::records {

// One receiving office's age public key, so that the kiosk can offer a list instead of typing.
struct RecipientKey {
    std::string name;       // short ID the operator picks, e.g. "kuyakusho-kita"
    std::string publicKey;  // age1… as given (validated by the caller with image::X25519Recipient)
    std::string fingerprint;  // SHA-256 hex of the key bytes: what carry-out entries record
    std::string label;        // display name of the office (may be Japanese)
    std::string added;        // RFC 3339
    std::string addedBy;
};

// The key book: the recipients table of massho.db, each change recorded in the register in the
// same transaction (`recipient-added` / `recipient-removed`). Only public keys: nothing here is
// secret.
class RecipientBook {
  public:
    explicit RecipientBook(Database& db, Register& log);

    // Throws UserError for a bad or duplicate name, an empty key, a label with control characters.
    RecipientKey add(const RecipientKey& key, const std::string& byAdmin);
    // Throws UserError when there is no such name.
    void remove(const std::string& name, const std::string& byAdmin);
    std::optional<RecipientKey> find(const std::string& name) const;
    std::vector<RecipientKey> list() const;

  private:
    Database& db_;
    Register& register_;
};

}  // namespace massho::records
