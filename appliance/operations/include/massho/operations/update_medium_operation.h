#pragma once

#include <string>

#include "massho/operations/operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

struct UpdateMediumInput {
    std::string tag;
    records::MediumUpdate update;
};

// "Correct this medium's record" (class, My Number, section, data manager, lease, notes), with
// a reason: a ledger keeper's act. check(): the role; a class or the My Number flag only by a
// data manager (classifying information is theirs, the city's standard Art. 7); a named data
// manager exists and holds the role. run(): records::MediaLedger::update (`medium-updated`).
class UpdateMediumOperation : public Operation {
  public:
    UpdateMediumOperation(records::Store& store, records::User by, UpdateMediumInput input);

    std::string_view name() const override { return "media-update"; }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User by_;
    UpdateMediumInput input_;
};

}  // namespace massho::operations
