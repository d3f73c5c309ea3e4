#pragma once

#include <optional>
#include <string>

#include "massho/operations/operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct AddMediumInput {
    records::NewMedium medium;  // its dataManager is taken from `dataManager`
    // The data manager answering for it, when one is named (named empty: no such user).
    std::optional<std::string> dataManager;
};

// "Register this medium in the ledger" (媒体管理台帳, the city's standard Art. 8): a ledger
// keeper's act. check(): the role and the data manager named for it. run(): the row and its
// `medium-registered` entry (records::MediaLedger::add, which checks the fields).
class AddMediumOperation : public Operation {
  public:
    AddMediumOperation(records::Store& store, records::User by, AddMediumInput input);

    std::string_view name() const override { return "media-add"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User by_;
    AddMediumInput input_;
};

}  // namespace massho::operations
