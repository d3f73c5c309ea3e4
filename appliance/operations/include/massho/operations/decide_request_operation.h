#pragma once

#include <optional>
#include <string>

#include "massho/base/reason.h"
#include "massho/operations/operation.h"
#include "massho/records/people/requests.h"
#include "massho/records/people/store.h"
#include "massho/records/people/users.h"

namespace massho::operations {

enum class Decision { Approve, Reject };

struct DecideRequestInput {
    std::string requestId;
    Decision decision = Decision::Approve;
    std::string reason;  // Reject: why, recorded for the requester
};

// "Approve (or reject) this request": a data manager's act, never on their own request
// (separation of duties, the city's standard Art. 7-3, 8(4), 8(7)). check(): the reason's text,
// the request exists. The rules on who may decide are records::Requests's, because a refused
// attempt is itself recorded (`approval-refused`, in its own transaction): run() then ends in
// Outcome Refused naming that entry, and nothing is decided. Done: `request-approved` (with the
// expiry) or `request-rejected`. A request that is no longer pending is bad input.
class DecideRequestOperation : public Operation {
  public:
    DecideRequestOperation(records::Store& store, records::User decider, DecideRequestInput input);

    std::string_view name() const override {
        return input_.decision == Decision::Approve ? "approve" : "reject";
    }
    void check() override;
    Outcome run(ProgressSink& progress, const CancelToken& cancel) override;

    // After a Done run(): the request as decided (its decision entry, the approval's expiry).
    const records::Request& request() const { return request_; }
    // After a Refused run(): the refusal's reason key and arguments (base/reason.h).
    const std::optional<base::Reason>& refusalReason() const { return refusalReason_; }

  private:
    records::Store& store_;
    records::User decider_;
    DecideRequestInput input_;
    records::Request request_;
    std::optional<base::Reason> refusalReason_;
};

}  // namespace massho::operations
