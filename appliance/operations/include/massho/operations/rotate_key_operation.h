#pragma once

#include <string>

#include "massho/operations/operation.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

// "Replace the register's signing key": an administrator's act. check(): the role. run():
// records::Store::rotateKey, which appends a `key-rotated` entry signed by the old key and
// naming the new one (so that verification follows it) and replaces DATA_DIR/register.key and
// register.vkey. The new verifier key line is for the auditors.
class RotateKeyOperation : public Operation {
  public:
    RotateKeyOperation(records::Store& store, records::User admin);

    std::string_view name() const override { return "key-rotate"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // After run(): the new verifier key line.
    const std::string& vkey() const { return vkey_; }

  private:
    records::Store& store_;
    records::User admin_;
    std::string vkey_;
};

}  // namespace massho::operations
