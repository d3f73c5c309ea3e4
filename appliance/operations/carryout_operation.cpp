#include "massho/operations/carryout_operation.h"

#include <openssl/rand.h>

#include <chrono>
#include <cstdio>

#include "massho/erase/method.h"
#include "massho/image/carryout_error.h"
#include "massho/image/fat_medium.h"
#include "massho/image/readme.h"
#include "massho/operations/erase_operation.h"
#include "massho/operations/job_journal.h"
#include "massho/operations/source_allow_list.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/register.h"
#include "massho/records/register/text_field.h"

namespace massho::operations {
namespace {

using Category = base::ErrorCategory;
constexpr const char* kEraseMethod = "zero";  // quick: the medium only ever holds ciphertext

std::string newPackageId() {
    unsigned char r[4];
    if (RAND_bytes(r, sizeof r) != 1)
        throw OperationError(Category::Failed, "no random bytes for the package id");
    auto now = std::chrono::system_clock::now();
    std::string date = records::formatRfc3339(now).substr(0, 10);  // YYYY-MM-DD
    char id[32];
    std::snprintf(id, sizeof id, "%s%s%s-%02X%02X%02X%02X", date.substr(0, 4).c_str(),
                  date.substr(5, 2).c_str(), date.substr(8, 2).c_str(), r[0], r[1], r[2], r[3]);
    return id;
}

std::string now() {
    return records::formatRfc3339(std::chrono::system_clock::now());
}

void checkRequestFields(const CarryOutRequest& r) {
    if (r.infoClass < 1 || r.infoClass > 4)
        throw OperationError(Category::BadInput, "information class must be 1, 2, 3 or 4 (Art. 7)");
    records::requireText("--destination", r.destination, records::TextKind::Line);
    if (r.requestId) records::requireText("--request", *r.requestId, records::TextKind::Identifier);
    if (r.recipients.empty() && (!r.passphrase || r.passphrase->empty()))
        throw OperationError(Category::BadInput,
                             "give --recipient AGE1… (or a key book name) or --passphrase-stdin");
    if (!r.recipients.empty() && r.passphrase)
        throw OperationError(Category::BadInput,
                             "give either --recipient or --passphrase-stdin, not both (age allows "
                             "a passphrase only alone)");
}

const erase::Method& eraseMethod() {
    const erase::Method* m = erase::findMethod(kEraseMethod);
    if (!m) throw OperationError(Category::Failed, "the erasure catalog has no 'zero' method");
    return *m;
}

EraseRequest eraseRequestFor(const CarryOutRequest& r, const std::string& asset) {
    EraseRequest e;
    e.devicePath = r.devicePath;
    e.method = &eraseMethod();
    e.verify = erase::VerifyMode::Sample;
    e.protectedPaths.push_back(r.dataDir);
    e.context.operatorId = r.operatorId;
    e.context.purpose = "reuse";  // the medium is prepared for new data
    e.context.infoClass = r.infoClass;
    e.context.assetTag = asset;
    e.context.requestId = r.requestId;
    e.context.requester = r.requester;
    e.context.approver = r.approver;
    e.context.approvalEntry = r.approvalEntry;
    return e;
}

}  // namespace

CarryOutOperation::CarryOutOperation(records::Register& log, CarryOutRequest request)
    : log_(log), request_(std::move(request)) {}

void CarryOutOperation::refuse(const std::string& reason) {
    log_.append(carryOutRefusedEntry(request_, medium_, reason));
    throw OperationError(Category::Refused, reason);
}

// Without the approval store nothing that might need one is allowed.
void CarryOutOperation::checkApprovalNeeded() {
    const CarryOutRequest& r = request_;
    const bool needsApproval =
        r.policy ? r.policy->required("carryout", r.infoClass) : r.infoClass <= 2;
    if (needsApproval && !r.requestId)
        refuse("carry-out of class " + std::to_string(r.infoClass) +
               " needs a data manager's approval: run 'massho request carryout DEVICE "
               "--class N --asset TAG --destination TEXT', have a data manager run "
               "'massho approve REQ', then add --request REQ and the same --asset");
    if (r.requestId && !r.requests) refuse("request '" + *r.requestId + "' cannot be checked here");
}

// Claims the approved carry-out request (approved, unexpired, unused, same medium, class, asset
// and destination) before the first write; the claim is used up by a written medium only.
std::optional<records::RequestClaim> CarryOutOperation::claimApproval() {
    CarryOutRequest& r = request_;
    if (!r.requestId) return std::nullopt;
    records::RequestDetails details;
    details.kind = records::RequestKind::Carryout;
    details.purpose = "carryout";
    details.infoClass = r.infoClass;
    details.assetTag = r.assetTag;
    details.destination = r.destination;
    details.device = {medium_.path, medium_.model, medium_.serial, medium_.sizeBytes};
    try {
        records::RequestClaim claim = r.requests->claim(*r.requestId, details, r.operatorId);
        r.requester = claim.request().requester;
        r.approver = claim.request().decidedBy.value_or("");
        r.approvalEntry = claim.request().decisionEntry;
        return claim;
    } catch (const records::RecordsError& e) {
        refuse(std::string("carry-out refused: ") + e.what());
    }
}

const MediumDescription& CarryOutOperation::check() {
    if (checked_) return medium_;
    checkRequestFields(request_);
    checkSourcesAllowed(request_.files, request_.allowedSources, request_.dataDir);
    try {
        plan_ = image::planPackage(request_.files);
    } catch (const image::CarryOutError& e) {
        throw OperationError(Category::BadInput, e.what());
    }
    packageId_ = newPackageId();
    if (request_.assetTag.empty()) request_.assetTag = "carry-out " + packageId_;
    EraseOperation probe(log_, eraseRequestFor(request_, request_.assetTag));
    medium_ = probe.describe();
    const uint64_t needed =
        image::ageSizeUpperBound(plan_.tarBytesUpperBound, request_.recipients.size()) + 16384;
    const uint64_t usable = image::usableBytes(medium_.sizeBytes);
    if (needed > usable)
        throw OperationError(Category::BadInput,
                             "medium too small: the package needs up to " + std::to_string(needed) +
                                 " bytes, " + medium_.path + " holds " + std::to_string(usable) +
                                 " after formatting; use a larger one");
    checkApprovalNeeded();
    checked_ = true;
    return medium_;
}

CarryOutResult CarryOutOperation::run(
    const std::function<void(const CarryOutProgress&)>& onProgress) {
    check();
    std::optional<records::RequestClaim> claim = claimApproval();
    try {
        CarryOutResult result = write(onProgress);
        if (claim) claim->complete(result.registerIndex);
        return result;
    } catch (const OperationError&) {
        // A failed carry-out (recorded by write()) releases the approval for a retry.
        if (claim) claim->release(log_.size() - 1, "carry-out failed");
        throw;
    }
}

// Art. 16(3): a carry-out that started is recorded whatever happens after. The started entry
// goes in before the medium is first written; then exactly one `carry-out` entry closes it —
// written, or failed naming the reason; a killed process is recorded as interrupted by the next
// job (JobJournal).
CarryOutResult CarryOutOperation::write(
    const std::function<void(const CarryOutProgress&)>& onProgress) {
    CarryOutRecord record;
    record.started = now();
    record.packageName = "MASSHO-" + packageId_ + ".tar.age";
    JobJournal journal(log_);
    journal.reconcile();  // jobs killed earlier get their `interrupted` entries first
    record.startedEntry =
        journal.begin(carryOutStartedEntry(request_, medium_, plan_, record), medium_.path);
    CarryOutResult result;
    try {
        result.package = eraseAndWrite(record, onProgress);
    } catch (const OperationError& e) {
        throw OperationError(e.category(), failEntry(journal, record, e.what()));
    } catch (const std::exception& e) {
        throw OperationError(Category::Failed, failEntry(journal, record, e.what()));
    }
    record.result = "written";
    record.package = result.package;
    record.ended = now();
    result.entry = carryOutEntry(request_, medium_, plan_, record);
    result.registerIndex = journal.finish(*record.startedEntry, result.entry);
    result.erasureIndex = record.erasureIndex;
    result.packageId = packageId_;
    result.fileCount = plan_.fileCount;
    result.totalBytes = plan_.totalBytes;
    return result;
}

// Erase (its own erasure entry), format, write README.txt and the package, read it back.
image::PackageWritten CarryOutOperation::eraseAndWrite(
    CarryOutRecord& record, const std::function<void(const CarryOutProgress&)>& onProgress) {
    auto report = [&](const char* stage, uint64_t done, uint64_t total) {
        if (onProgress) onProgress({stage, done, total});
    };
    EraseOperation erasure(log_, eraseRequestFor(request_, request_.assetTag));
    auto erased = erasure.run(nullptr, [&](const erase::Progress& p) {
        report("erasing", p.jobBytesDone, p.jobBytesTotal);
    });
    record.erasureIndex = erased.registerIndex;
    if (erased.report.outcome != erase::Outcome::Erased)
        throw OperationError(Category::Failed, "erasing the medium first failed (" +
                                                   erased.report.failureReason + ")");
    medium_ = erasure.medium();

    report("formatting", 0, 0);
    image::FatMedium fat = image::prepareFatMedium(medium_.path, medium_.sizeBytes, "MASSHO");
    record.volumeId = fat.volumeId;
    image::ReadmeInfo readme{record.packageName, request_.destination, request_.origin,
                             request_.recipients.empty(), now().substr(0, 10)};
    image::writeSmallFile(fat, "README.txt", image::carryOutReadme(readme));
    image::PackageEncryption encryption{request_.recipients,
                                        request_.passphrase ? &*request_.passphrase : nullptr,
                                        request_.scryptLogN};
    image::PackageWritten written =
        image::writePackage(fat, record.packageName, plan_, encryption,
                            [&](uint64_t done) { report("writing", done, plan_.totalBytes); });
    image::flushDevice(medium_.path);
    return written;
}

// Records the failed carry-out (Art. 16(3): failures are recorded too), closing its started
// entry, and returns the message.
std::string CarryOutOperation::failEntry(JobJournal& journal, const CarryOutRecord& started,
                                         const std::string& reason) {
    CarryOutRecord record;
    record.result = "failed";
    record.failure = reason;
    record.erasureIndex = started.erasureIndex;
    record.volumeId = started.volumeId;
    record.packageName = started.packageName;
    record.started = started.started;
    record.ended = now();
    record.startedEntry = started.startedEntry;
    uint64_t index =
        journal.finish(*started.startedEntry, carryOutEntry(request_, medium_, plan_, record));
    return "carry-out FAILED: " + reason + "; recorded as register entry " + std::to_string(index) +
           " — the medium holds no usable package, erase it again";
}

}  // namespace massho::operations
