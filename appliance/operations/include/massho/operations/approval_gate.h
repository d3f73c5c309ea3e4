#pragma once

#include <optional>
#include <string>

#include "massho/operations/erasure_job.h"
#include "massho/records/people/approval_policy.h"
#include "massho/records/people/requests.h"

namespace massho::operations {

// What an erasure of `medium` with `context` and `methodId` amounts to as a request, for
// `massho request erase` (stored) and `massho erase --request` (compared).
records::RequestDetails erasureRequestDetails(const ErasureContext& context,
                                              const MediumDescription& medium,
                                              const std::string& methodId);

// Decides whether an erasure may start (the city's standard, Art. 8(4); the approval table).
// Without --request, an erasure the policy says needs an approval is refused. With one, the
// request is claimed (approved, unexpired, unused, matching) and `context` gets its requester,
// approver and approval entry. Every refusal appends an `erasure-refused` entry and throws
// OperationError(Refused) naming what to do.
std::optional<records::RequestClaim> admitErasure(records::Requests& requests,
                                                  const records::ApprovalPolicy& policy,
                                                  ErasureContext& context,
                                                  const MediumDescription& medium,
                                                  const std::string& methodId);

// After the run: an erased medium uses the approval up; a failed or cancelled run releases it
// for a retry (recorded as `request-released`), so one approval never covers two erasures.
void settleErasure(std::optional<records::RequestClaim>& claim, const ErasureJobResult& result);

}  // namespace massho::operations
