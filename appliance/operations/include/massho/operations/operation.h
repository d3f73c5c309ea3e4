#pragma once

#include <string_view>

#include "massho/operations/cancel_token.h"
#include "massho/operations/operation_error.h"
#include "massho/operations/outcome.h"
#include "massho/operations/progress_sink.h"

namespace massho::operations {

// One act a person asks for (erase this medium, carry these files out, approve this request),
// as kpmcore's Operation: the command line, the service and the kiosk each build one from what
// the person gave, and none of them decides policy. Two phases:
//   check()  everything that can be decided without writing: the input, the person's role, the
//            policy, the approval, the ledger. Throws OperationError (bad input / refused /
//            failed); nothing has been written or recorded.
//   run()    does it, reporting through one ProgressSink and watching one CancelToken, and
//            ends in one Outcome naming the register entry that records it. A failure once
//            running is an Outcome, not an exception, because it has been recorded.
class Operation {
  public:
    virtual ~Operation() = default;

    // What the service shows as the job's kind ("erase", "carry-out", …).
    virtual std::string_view name() const = 0;
    virtual void check() = 0;
    virtual Outcome run(ProgressSink& progress, const CancelToken& cancel) = 0;
};

}  // namespace massho::operations
