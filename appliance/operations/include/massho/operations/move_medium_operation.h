#pragma once

#include <string>

#include "massho/operations/operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct MoveMediumInput {
    std::string tag;
    records::MoveDetails details;  // byDataManager is decided by the operation, from the role
};

// "This medium is now in use, or stored, or kept elsewhere" (the city's standard Art. 8(6)): a
// ledger keeper's act. check(): the role; whether the mover is a data manager is taken from
// their roles, never from the input. run(): records::MediaLedger::move, which checks the state
// change (stored media write-protected, class 1-2 locked) and appends `medium-moved`.
class MoveMediumOperation : public Operation {
  public:
    MoveMediumOperation(records::Store& store, records::User by, MoveMediumInput input);

    std::string_view name() const override { return "media-move"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User by_;
    MoveMediumInput input_;
};

}  // namespace massho::operations
