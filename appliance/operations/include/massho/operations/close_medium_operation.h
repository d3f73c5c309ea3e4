#pragma once

#include <string>

#include "massho/operations/operation.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

// How a medium leaves the ledger without being destroyed here.
enum class Closing {
    Dispose,         // disposed of after its erasure (the city's standard Art. 8(4))
    ReturnToLessor,  // a leased medium went back to its lessor after its erasure
};

struct CloseMediumInput {
    std::string tag;
    Closing closing = Closing::Dispose;
};

// "Close this medium's record": disposal is the data manager's decision and records officers
// close the record (Art. 8(4)); a return to the lessor may also be done by an operator.
// check(): the role. run(): records::MediaLedger::dispose or ::returnToLessor, which check the
// medium's state (erased first) and append the closing entry.
class CloseMediumOperation : public Operation {
  public:
    CloseMediumOperation(records::Store& store, records::User by, CloseMediumInput input);

    std::string_view name() const override {
        return input_.closing == Closing::Dispose ? "media-dispose" : "media-return-to-lessor";
    }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

  private:
    records::Store& store_;
    records::User by_;
    CloseMediumInput input_;
};

}  // namespace massho::operations
