#include "massho/operations/carryout_operation.h"
#include "massho/records/canonical_json.h"

#ifndef MASSHO_VERSION
#define MASSHO_VERSION "unknown"
#endif

namespace massho::operations {

// Field names are final: auditors and the carry-in match read them. Never a passphrase; for
// X25519 the recipients' key fingerprints (SHA-256 of the 32 key bytes), comma-separated.
std::string carryOutEntry(const CarryOutRequest& request, const MediumDescription& medium,
                          const image::PackagePlan& plan, const CarryOutRecord& record) {
    records::EntryBuilder e("carry-out");
    e.set("result", record.result);
    if (!record.failure.empty()) e.set("failure", record.failure);
    e.set("operator", request.operatorId);
    e.set("requester", request.requester.empty() ? request.operatorId : request.requester);
    if (!request.approver.empty()) e.set("approver", request.approver);
    if (request.approvalEntry)
        e.set("approval_entry", static_cast<int64_t>(*request.approvalEntry));
    if (request.requestId) e.set("request", *request.requestId);
    e.set("destination", request.destination);
    e.set("asset", request.assetTag);  // the medium's ledger row (issue 8)
    e.set("class", static_cast<int64_t>(request.infoClass));
    e.set("device_path", medium.path);
    e.set("device_model", medium.model);
    e.set("device_serial", medium.serial);
    e.set("device_transport", medium.transport);
    e.set("device_size", static_cast<int64_t>(medium.sizeBytes));
    e.set("volume_id", record.volumeId);
    e.set("erasure_index", static_cast<int64_t>(record.erasureIndex));
    std::string fingerprints;
    for (const auto& r : request.recipients)
        fingerprints += (fingerprints.empty() ? "" : ",") + r.fingerprint();
    e.set("encryption", request.recipients.empty() ? "age-scrypt" : "age-x25519");
    e.set("recipients", fingerprints);
    e.set("file_count", static_cast<int64_t>(plan.fileCount));
    e.set("total_size", static_cast<int64_t>(plan.totalBytes));
    e.set("package", record.packageName);
    e.set("ciphertext_size", static_cast<int64_t>(record.package.ciphertextBytes));
    e.set("ciphertext_sha256", record.package.ciphertextSha256);
    e.set("started", record.started);
    e.set("ended", record.ended);
    e.set("software", "massho " MASSHO_VERSION);
    return e.finish();
}

}  // namespace massho::operations
