#include "massho/operations/approval_gate.h"

#include "massho/base/reason.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/text_field.h"

namespace massho::operations {
namespace {

// Records the refusal, then throws it with the reason key the records gave it (if any), so that
// a front-end says it in its own language.
[[noreturn]] void refuse(records::Requests& requests, const ErasureContext& context,
                         const MediumDescription& medium, const std::string& message,
                         const base::Reason* reason = nullptr) {
    records::Transaction tx(requests.signedRegister().database());
    records::EntryBuilder entry(records::EntryKind::ErasureRefused, requests.clock());
    entry.set("operator", context.operatorId).set("request", context.requestId.value_or(""));
    entry.set("purpose", context.purpose).set("class", int64_t{context.infoClass});
    entry.set("asset", context.assetTag).set("device_path", medium.path);
    entry.set("device_serial", medium.serial).set("reason", message);
    requests.signedRegister().append(entry.finish());
    tx.commit();
    OperationError error(base::ErrorCategory::Refused, message);
    if (reason) throw base::withReason(std::move(error), reason->key, reason->args);
    throw error;
}

}  // namespace

records::RequestDetails erasureRequestDetails(const ErasureContext& context,
                                              const MediumDescription& medium,
                                              const std::string& methodId) {
    records::RequestDetails d;
    d.kind = records::RequestKind::Erase;
    d.purpose = context.purpose;
    d.infoClass = context.infoClass;
    d.assetTag = context.assetTag;
    d.method = methodId;
    d.device = {medium.path, medium.model, medium.serial, medium.sizeBytes};
    return d;
}

std::optional<records::RequestClaim> admitErasure(records::Requests& requests,
                                                  const records::ApprovalPolicy& policy,
                                                  ErasureContext& context,
                                                  const MediumDescription& medium,
                                                  const std::string& methodId) {
    // Item 7: the request ID is recorded even in a refusal entry, so it is checked first.
    if (context.requestId)
        records::requireText("--request", *context.requestId, records::TextKind::Identifier);
    if (!context.requestId) {
        if (!policy.required(context.purpose, context.infoClass)) return std::nullopt;
        refuse(requests, context, medium,
               "a " + context.purpose + " erasure of class " + std::to_string(context.infoClass) +
                   " media needs a data manager's approval: run 'massho request erase " +
                   medium.path +
                   " …' with the same fields, have a data manager run 'massho "
                   "approve REQ', then add --request REQ");
    }
    try {
        records::RequestClaim claim =
            requests.claim(*context.requestId, erasureRequestDetails(context, medium, methodId),
                           context.operatorId);
        const records::Request& r = claim.request();
        context.requester = r.requester;
        context.approver = r.decidedBy.value_or("");
        context.approvalEntry = r.decisionEntry;
        return claim;
    } catch (const records::RefusedError& e) {
        refuse(requests, context, medium, e.what(), base::reasonOf(e));
    }
}

void settleErasure(std::optional<records::RequestClaim>& claim, const ErasureJobResult& result) {
    if (!claim) return;
    if (result.report.outcome == erase::Outcome::Erased)
        claim->complete(result.registerIndex);
    else
        claim->release(result.registerIndex, std::string(erase::toString(result.report.outcome)));
}

}  // namespace massho::operations
