#include "massho/operations/carryout_operation.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"

#ifndef MASSHO_VERSION
#define MASSHO_VERSION "unknown"
#endif

namespace massho::operations {
namespace {

// Who asked, who allowed, what leaves, on which medium and for whom: the same in the started
// entry and the final one, so that each reads on its own.
void setRequestFields(records::EntryBuilder& e, const CarryOutInput& input,
                      const MediumDescription& medium, const image::PackagePlan& plan) {
    e.set("operator", input.operatorId);
    e.set("requester", input.requester.empty() ? input.operatorId : input.requester);
    if (!input.approver.empty()) e.set("approver", input.approver);
    if (input.approvalEntry) e.set("approval_entry", static_cast<int64_t>(*input.approvalEntry));
    if (input.requestId) e.set("request", *input.requestId);
    e.set("destination", input.destination);
    e.set("asset", input.assetTag);  // the medium's ledger row
    e.set("class", static_cast<int64_t>(input.infoClass));
    e.set("device_path", medium.path);
    e.set("device_model", medium.model);
    e.set("device_serial", medium.serial);
    e.set("device_transport", medium.transport);
    e.set("device_size", static_cast<int64_t>(medium.sizeBytes));
    std::string fingerprints;
    for (const auto& r : input.recipients)
        fingerprints += (fingerprints.empty() ? "" : ",") + r.fingerprint();
    e.set("encryption", input.recipients.empty() ? "age-scrypt" : "age-x25519");
    e.set("recipients", fingerprints);
    e.set("file_count", static_cast<int64_t>(plan.fileCount));
    e.set("total_size", static_cast<int64_t>(plan.totalBytes));
    e.set("software", "massho " MASSHO_VERSION);
}

}  // namespace

// Field names are final: auditors and the carry-in match read them. Never a passphrase; for
// X25519 the recipients' key fingerprints (SHA-256 of the 32 key bytes), comma-separated.
std::string carryOutEntry(const CarryOutInput& input, const MediumDescription& medium,
                          const image::PackagePlan& plan, const CarryOutRecord& record) {
    records::EntryBuilder e(records::EntryKind::CarryOut);
    setRequestFields(e, input, medium, plan);
    e.set("result", record.result);
    if (!record.failure.empty()) e.set("failure", record.failure);
    e.set("volume_id", record.volumeId);
    e.set("erasure_index", static_cast<int64_t>(record.erasureIndex));
    e.set("package", record.packageName);
    e.set("ciphertext_size", static_cast<int64_t>(record.package.ciphertextBytes));
    e.set("ciphertext_sha256", record.package.ciphertextSha256);
    e.set("started", record.started);
    e.set("ended", record.ended);
    if (record.startedEntry) e.set("started_entry", static_cast<int64_t>(*record.startedEntry));
    return e.finish();
}

// Appended before the medium is first written (JobJournal): a carry-out that never records its
// result is later recorded as interrupted from this entry.
std::string carryOutStartedEntry(const CarryOutInput& input, const MediumDescription& medium,
                                 const image::PackagePlan& plan, const CarryOutRecord& record) {
    records::EntryBuilder e(records::EntryKind::CarryOutStarted);
    setRequestFields(e, input, medium, plan);
    e.set("package", record.packageName);
    e.set("started", record.started);
    return e.finish();
}

// Art. 16(3): a refused carry-out is recorded like a refused erasure (`erasure-refused`).
std::string carryOutRefusedEntry(const CarryOutInput& input, const MediumDescription& medium,
                                 const std::string& reason) {
    records::EntryBuilder e(records::EntryKind::CarryOutRefused);
    e.set("operator", input.operatorId);
    e.set("request", input.requestId.value_or(""));
    e.set("class", static_cast<int64_t>(input.infoClass));
    e.set("destination", input.destination);
    e.set("asset", input.assetTag);
    e.set("device_path", medium.path.empty() ? input.devicePath : medium.path);
    e.set("device_serial", medium.serial);
    e.set("reason", reason);
    e.set("software", "massho " MASSHO_VERSION);
    return e.finish();
}

}  // namespace massho::operations
